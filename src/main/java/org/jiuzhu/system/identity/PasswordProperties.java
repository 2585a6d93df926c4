package org.jiuzhu.system.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * The password policy for new and changed passwords ({@code jiuzhu.password.*}).
 *
 * @param minLength       the fewest characters a password has
 * @param commonPasswords a text file, one password a line ({@code #} starts a comment), that nobody may use
 */
@ConfigurationProperties("jiuzhu.password")
public record PasswordProperties(int minLength, Resource commonPasswords) {
}
