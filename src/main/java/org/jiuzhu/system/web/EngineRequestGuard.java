package org.jiuzhu.system.web;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.jiuzhu.system.security.CamundaIdentityAuthenticationProvider;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What officials may ask of the engine's APIs ({@code /engine-rest} and the webapps' {@code /camunda/api/engine}),
 * beyond Camunda's authorizations: history queries narrowed to a case or task ({@link HistoryQueries}) and
 * variables of plain types only ({@link VariableTypes}). Runs after the authentication, as the official;
 * administrators pass. A refusal is a 400 in Camunda's error format with a Chinese message.
 */
class EngineRequestGuard extends OncePerRequestFilter {

    private static final Pattern ENGINE_RESOURCE =
            Pattern.compile("/(?:engine-rest(?:/engine/[^/]+)?|camunda/api/engine/engine/[^/]+)/(.+)");
    /** Binary uploads of a variable (file, bytes or a serialised object). */
    private static final Pattern VARIABLE_DATA = Pattern.compile("(?:.+/)?(?:variables|localVariables)/[^/]+/data");
    private static final List<String> WITH_BODY = List.of("POST", "PUT", "PATCH");

    private final IdentityService identityService;
    private final ObjectMapper objectMapper;

    EngineRequestGuard(IdentityService identityService, ObjectMapper objectMapper) {
        this.identityService = identityService;
        this.objectMapper = objectMapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ENGINE_RESOURCE.matcher(WebRequests.pathOf(request)).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (administrator()) {
            chain.doFilter(request, response);
            return;
        }
        Matcher matcher = ENGINE_RESOURCE.matcher(WebRequests.pathOf(request));
        String resource = matcher.matches() ? matcher.group(1) : "";
        String method = request.getMethod();
        if ("POST".equals(method) && VARIABLE_DATA.matcher(resource).matches()) {
            refuse(request, response, "不能上传文件、二进制或序列化对象类型的变量：只接受文本、数字、布尔、日期和 Json 值");
            return;
        }
        byte[] body = WITH_BODY.contains(method) && WebRequests.isJson(request.getContentType())
                ? request.getInputStream().readAllBytes() : null;
        JsonNode tree = parse(body);
        Optional<String> history = HistoryQueries.guardedResource(resource);
        if (history.isPresent()) {
            Predicate<String> given = "GET".equals(method)
                    ? name -> hasText(request.getParameter(name))
                    : name -> tree != null && hasValue(tree.get(name));
            Optional<String> refusal = HistoryQueries.refusal(history.get(), given);
            if (refusal.isPresent()) {
                refuse(request, response, refusal.get());
                return;
            }
        }
        Optional<String> refusal = tree == null ? Optional.empty() : VariableTypes.refusal(tree);
        if (refusal.isPresent()) {
            refuse(request, response, refusal.get());
            return;
        }
        chain.doFilter(body == null ? request : new CachedBodyRequest(request, body), response);
    }

    /** In the webapps the engine does not know the user yet at this point; Spring Security does. */
    private boolean administrator() {
        Authentication engine = identityService.getCurrentAuthentication();
        if (engine != null) {
            return engine.getGroupIds() != null && engine.getGroupIds().contains(Groups.CAMUNDA_ADMIN);
        }
        org.springframework.security.core.Authentication spring = SecurityContextHolder.getContext().getAuthentication();
        return spring != null && spring.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(CamundaIdentityAuthenticationProvider.ROLE_ADMIN::equals);
    }

    private JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return objectMapper.readTree(body);
        } catch (IOException notJson) {
            // The API answers a body that is not JSON itself.
            return null;
        }
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    private static boolean hasValue(JsonNode value) {
        return value != null && !value.isNull() && !(value.isContainerNode() && value.isEmpty())
                && !(value.isTextual() && value.asText().isBlank());
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, String message)
            throws IOException {
        WebRequests.refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException", message);
    }
}
