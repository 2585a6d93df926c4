package org.jiuzhu.system.web;

import org.springframework.web.util.HtmlUtils;

/**
 * Our error page without the template engine, for answers given before the application proper: by Tomcat
 * ({@link ChineseErrorReportValve}) or by a filter that refuses a request without reading its body (an
 * error dispatch would read, or parse as an upload, the body it refused).
 */
final class PlainErrorPage {

    private PlainErrorPage() {
    }

    static String html(String title, String message) {
        return """
                <!DOCTYPE html>
                <html lang="zh-CN"><head><meta charset="UTF-8"><title>%1$s · 救助 社会救助审核审批系统</title>
                <link rel="stylesheet" href="/css/jiuzhu.css"></head>
                <body><header class="site-header"><a class="brand" href="/"><span class="brand-mark">救助</span> 社会救助审核审批系统</a></header>
                <main class="narrow"><h1>%1$s</h1><p>%2$s</p><p><a href="/">返回首页</a></p></main></body></html>
                """.formatted(HtmlUtils.htmlEscape(title), HtmlUtils.htmlEscape(message));
    }
}
