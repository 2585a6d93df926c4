package org.jiuzhu.system.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.authorization.Groups;
import org.jiuzhu.system.identity.LoginThrottledException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Spring Security login against the Camunda identity service: one set of users and passwords for
 * our pages, the Camunda webapps and the REST API. Each Camunda group becomes an authority
 * {@code GROUP_<id>}; administrators also get {@code ROLE_ADMIN}.
 */
@Component
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    public static final String GROUP_PREFIX = "GROUP_";
    public static final String ROLE_ADMIN = "ROLE_ADMIN";

    private final IdentityService identityService;

    public CamundaIdentityAuthenticationProvider(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName() == null ? "" : authentication.getName().strip();
        Object credentials = authentication.getCredentials();
        String password = credentials == null ? "" : credentials.toString();
        if (userId.isEmpty() || password.isEmpty() || !checkPassword(userId, password)) {
            throw new BadCredentialsException("用户名或密码错误");
        }
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (Group group : identityService.createGroupQuery().groupMember(userId).list()) {
            authorities.add(new SimpleGrantedAuthority(GROUP_PREFIX + group.getId()));
            if (Groups.CAMUNDA_ADMIN.equals(group.getId())) {
                authorities.add(new SimpleGrantedAuthority(ROLE_ADMIN));
            }
        }
        User user = identityService.createUserQuery().userId(userId).singleResult();
        OfficialPrincipal principal = new OfficialPrincipal(userId, org.jiuzhu.system.UserNames.nameOf(user));
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
    }

    /** The identity service throttles failed logins per client address and account. */
    private boolean checkPassword(String userId, String password) {
        try {
            return identityService.checkPassword(userId, password);
        } catch (LoginThrottledException e) {
            throw new LoginThrottledAuthenticationException(e.getMessage());
        }
    }

    /** The Camunda groups of a user logged in through this provider (its {@code GROUP_} authorities). */
    public static List<String> groupIdsOf(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(GROUP_PREFIX))
                .map(a -> a.substring(GROUP_PREFIX.length()))
                .toList();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
