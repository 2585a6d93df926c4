package org.jiuzhu.system.security;

import org.springframework.security.core.AuthenticationException;

/** The login page's form of a throttled password check; the message says how long to wait. */
class LoginThrottledAuthenticationException extends AuthenticationException {

    private static final long serialVersionUID = 1L;

    LoginThrottledAuthenticationException(String message) {
        super(message);
    }
}
