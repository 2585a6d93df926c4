package org.jiuzhu.system.web;

/** The Chinese title and explanation of an error status, on our error page and in the APIs' error JSON. */
public record ErrorTexts(String title, String explanation) {

    public static ErrorTexts of(int status) {
        return switch (status) {
            case 400 -> new ErrorTexts("请求内容有误", "提交的内容不完整或格式不正确，请返回修改后重试。");
            case 401 -> new ErrorTexts("请先登录", "此功能需要登录后使用。");
            case 403 -> new ErrorTexts("没有权限访问此页面", "您的账号没有此项功能的权限。如需开通，请联系系统管理员。");
            case 404 -> new ErrorTexts("页面不存在", "您访问的地址不存在，请检查链接是否正确。");
            case 405 -> new ErrorTexts("不支持此操作", "此地址不接受这种请求方式，请从系统页面上的链接或按钮进入。");
            case 408 -> new ErrorTexts("请求超时", "等待您提交的内容超时，请重试。");
            case 409 -> new ErrorTexts("操作冲突", "数据已被他人同时修改，请刷新页面后重试。");
            case 411 -> new ErrorTexts("请求内容有误", "提交时须注明内容长度，请使用浏览器或正常的客户端提交。");
            case 413 -> new ErrorTexts("提交的内容过大", "提交的内容超过了系统允许的大小。文件较大时请分批提交。");
            case 414 -> new ErrorTexts("地址过长", "访问的地址过长，请检查链接是否正确。");
            case 415 -> new ErrorTexts("不支持的内容格式", "提交的内容格式不受支持。");
            case 431 -> new ErrorTexts("请求头过大", "请求附带的信息过多，请清除本站的 Cookie 后重试。");
            default -> status >= 500
                    ? new ErrorTexts("系统暂时无法处理您的请求", "请稍后再试。如问题持续，请联系系统管理员并告知发生时间。")
                    : new ErrorTexts("请求无法处理", "请求无法处理，请返回后重试。");
        };
    }

    /** Camunda's error type for the status, as the webapps and REST clients read it. */
    public static String apiType(int status) {
        return status == 403 ? "AuthorizationException" : status >= 500 ? "ServerError" : "InvalidRequestException";
    }
}
