package org.jiuzhu.system.web;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.json.MappingJackson2JsonView;

/**
 * Every error the application or the container reports through the error dispatch: our Chinese error page,
 * or on the APIs ({@code /engine-rest}, {@code /camunda/api}) Camunda's {@code {"type": …, "message": …}}
 * in Chinese, whatever the client accepts. Replaces Spring Boot's error controller.
 */
@Controller
class ErrorPageController implements ErrorController {

    static final String VIEW = "error";

    private final MappingJackson2JsonView json = new MappingJackson2JsonView();

    @RequestMapping("${server.error.path:/error}")
    ModelAndView error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // Opened directly, not as the answer to an error.
        int status = code instanceof Integer c ? c : 404;
        ErrorTexts texts = ErrorTexts.of(status);
        Object detail = request.getAttribute(WebRequests.ERROR_DETAIL);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String u ? u.substring(Math.min(u.length(), request.getContextPath().length())) : "";
        if (WebRequests.isApi(path)) {
            ModelAndView answer = new ModelAndView(json, Map.of("type", ErrorTexts.apiType(status),
                    "message", detail != null ? detail : texts.explanation()));
            answer.setStatus(HttpStatusCode.valueOf(status));
            return answer;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("status", status);
        model.put("title", texts.title());
        model.put("explanation", texts.explanation());
        model.put("detail", detail);
        return new ModelAndView(VIEW, model, HttpStatusCode.valueOf(status));
    }
}
