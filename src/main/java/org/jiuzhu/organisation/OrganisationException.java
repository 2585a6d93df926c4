package org.jiuzhu.organisation;

/** A user error in organisation data; the message is shown to the user as it is (Chinese). */
public class OrganisationException extends RuntimeException {
    public OrganisationException(String message) {
        super(message);
    }
}
