package org.jiuzhu.system.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds every request body to the limit of its path ({@link RequestSettings}) before anything reads it:
 * a declared length above the limit gets 413 at once; a body sent without a length is counted while it is
 * read and ends in 413 where it passes the limit. Forms and uploads to our pages are parsed by the
 * servlet container itself, past any counting, so there a length is required (411): browsers always send one.
 */
class RequestSizeFilter extends OncePerRequestFilter {

    private final RequestSettings settings;

    RequestSizeFilter(RequestSettings settings) {
        this.settings = settings;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = WebRequests.pathOf(request);
        long limit = settings.maxBodyBytes(path);
        long length = request.getContentLengthLong();
        if (length > limit) {
            refuseTooLarge(request, response, limit);
            return;
        }
        if (length >= 0 || request.getHeader("Transfer-Encoding") == null) {
            chain.doFilter(request, response);
            return;
        }
        if (!WebRequests.isApi(path) && isParsedByContainer(request.getContentType())) {
            WebRequests.refuse(request, response, HttpServletResponse.SC_LENGTH_REQUIRED, "InvalidRequestException",
                    "提交表单或上传文件时须注明内容长度（Content-Length）");
            return;
        }
        LimitedBodyRequest limited = new LimitedBodyRequest(request, limit);
        try {
            chain.doFilter(limited, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!limited.exceeded() || response.isCommitted()) {
                throw e;
            }
        }
        // Whoever was reading may have answered the exception in its own way: ours is the answer.
        if (limited.exceeded() && !response.isCommitted()) {
            response.resetBuffer();
            refuseTooLarge(request, response, limit);
        }
    }

    private static boolean isParsedByContainer(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data");
    }

    private static void refuseTooLarge(HttpServletRequest request, HttpServletResponse response, long limit)
            throws IOException {
        WebRequests.refuse(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                BodyTooLargeException.class.getSimpleName(), tooLargeMessage(limit));
    }

    static String tooLargeMessage(long limit) {
        return "提交的内容过大：此处最多接受 " + readable(limit) + "。文件较大时请分批提交。";
    }

    private static String readable(long bytes) {
        long kb = 1024;
        long mb = kb * kb;
        if (bytes >= mb && bytes % mb == 0) {
            return bytes / mb + " MB";
        }
        return bytes >= kb ? Math.max(1, bytes / kb) + " KB" : bytes + " 字节";
    }
}
