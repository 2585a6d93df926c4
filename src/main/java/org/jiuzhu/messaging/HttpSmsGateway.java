package org.jiuzhu.messaging;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An SMS platform reached over HTTP: each message is POSTed as JSON {@code {phone, text, reference}} with the
 * access key in a header. A 2xx answer means sent; any other 4xx means the platform refused this message
 * for good, except 408 and 429, which only say "not now"; 5xx, timeouts, connection failures and any other
 * answer (a redirect, say) are tried again later.
 */
class HttpSmsGateway implements SmsGateway {

    private static final int DETAIL_BODY_CHARS = 80;
    private static final Pattern LONG_NUMBER = Pattern.compile("\\d{7,}");

    private final URI url;
    private final String key;
    private final String keyHeader;
    private final Duration timeout;
    private final HttpClient client;
    private final ObjectMapper json;

    HttpSmsGateway(SmsProperties.Http settings, ObjectMapper json) {
        if (settings.url() == null || !settings.url().isAbsolute()) {
            throw new IllegalArgumentException("jiuzhu.sms.gateway=http needs jiuzhu.sms.http.url (http:// or https://)");
        }
        this.url = settings.url();
        this.key = settings.key() == null ? "" : settings.key();
        this.keyHeader = settings.keyHeader();
        this.timeout = settings.timeout();
        this.json = json;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public Outcome send(String phone, String text, String reference) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body(phone, text, reference), StandardCharsets.UTF_8));
        if (!key.isEmpty()) {
            request.header(keyHeader, key);
        }
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            return Outcome.retry("短信平台在 " + timeout.toSeconds() + " 秒内没有应答");
        } catch (ConnectException e) {
            return Outcome.retry("无法连接短信平台");
        } catch (IOException e) {
            return Outcome.retry("与短信平台通信出错（" + e.getClass().getSimpleName() + "）");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.retry("发送被中断（服务停止）");
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return Outcome.sent();
        }
        String detail = "短信平台答复 HTTP " + status + excerpt(response.body());
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            return Outcome.permanentFailure(detail);
        }
        return Outcome.retry(detail);
    }

    @Override
    public String description() {
        // Host and port only: an address may carry credentials.
        return "HTTP 短信平台 " + url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
    }

    private String body(String phone, String text, String reference) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("phone", phone);
        body.put("text", text);
        body.put("reference", reference);
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write an SMS as JSON", e);
        }
    }

    /**
     * The start of the platform's answer, which usually names the reason (a bad number, a bad key), with any
     * phone number in it masked: administrators read it.
     */
    private static String excerpt(String body) {
        String text = body == null ? "" : body.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        text = LONG_NUMBER.matcher(text).replaceAll(number -> PhoneNumbers.mask(number.group()));
        if (text.isEmpty()) {
            return "";
        }
        return "：" + (text.length() > DETAIL_BODY_CHARS ? text.substring(0, DETAIL_BODY_CHARS) + "…" : text);
    }
}
