package org.jiuzhu.system;

import org.camunda.bpm.engine.identity.User;

/** How a Camunda user is named on pages: first and last name together, else the user id. */
public final class UserNames {

    private UserNames() {
    }

    public static String nameOf(User user) {
        String first = user.getFirstName() == null ? "" : user.getFirstName();
        String last = user.getLastName() == null ? "" : user.getLastName();
        String name = (first + last).strip();
        return name.isEmpty() ? user.getId() : name;
    }
}
