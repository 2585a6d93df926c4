package org.jiuzhu.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our Chinese for the Camunda webapps stays complete: every label of the webjar's en.json (read from
 * the classpath, so an upgrade of Camunda that adds labels fails here) has a Chinese one with the same
 * placeholders and markup, and our config.js, which offers zh, is the one the webapps get.
 */
class WebappTranslationsTest {

    private static final String APP = "META-INF/resources/webjars/camunda/app/";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{.*?}}");
    private static final Pattern MARKUP = Pattern.compile("</?[a-zA-Z][^>]*>");
    private static final Pattern DATE_PLACEHOLDER = Pattern.compile("%[sd]");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Labels Camunda has not, for rules of ours: the password policy's (identity.PasswordRules). */
    private static final Set<String> OWN_LABELS = Set.of("admin/PASSWORD_POLICY_COMMON");

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "admin", "welcome", "cockpit"})
    void givesEveryEnglishLabelAChineseOneWithTheSamePlaceholders(String app) {
        JsonNode english = locale(app, "en").path("labels");
        JsonNode chinese = locale(app, "zh").path("labels");
        List<String> problems = new ArrayList<>();

        english.fieldNames().forEachRemaining(key -> {
            JsonNode translation = chinese.get(key);
            if (translation == null) {
                problems.add("missing: " + key + " (" + english.get(key).asText() + ")");
            } else if (!translation.isTextual()) {
                problems.add("not a text: " + key);
            } else {
                String en = english.get(key).asText();
                String zh = translation.asText();
                if (!tokens(PLACEHOLDER, en, true).equals(tokens(PLACEHOLDER, zh, true))) {
                    problems.add("placeholders differ: " + key + ": " + en + " | " + zh);
                }
                if (!tokens(MARKUP, en, false).equals(tokens(MARKUP, zh, false))) {
                    problems.add("markup differs: " + key + ": " + en + " | " + zh);
                }
            }
        });
        chinese.fieldNames().forEachRemaining(key -> {
            if (!english.has(key) && !OWN_LABELS.contains(app + "/" + key)) {
                problems.add("extra: " + key);
            }
        });

        assertThat(problems).as("%s/locales/zh.json against the webjar's en.json", app).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "admin", "welcome", "cockpit"})
    void givesChineseDatesTheStructureOfTheEnglishOnes(String app) {
        JsonNode english = locale(app, "en");
        JsonNode chinese = locale(app, "zh");
        List<String> problems = new ArrayList<>();

        assertThat(fieldNames(chinese)).as("top level of %s/locales/zh.json", app).isEqualTo(fieldNames(english));
        if (english.has("dateLocales")) {
            compareStructure("dateLocales", english.get("dateLocales"), chinese.get("dateLocales"), problems);
        }

        assertThat(problems).as("dateLocales of %s/locales/zh.json", app).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "admin", "welcome", "cockpit"})
    void writesTheChineseFileInUtf8WithoutByteOrderMark(String app) throws IOException {
        try (InputStream in = resource(APP + app + "/locales/zh.json").openStream()) {
            byte[] start = in.readNBytes(3);
            assertThat(start).isNotEqualTo(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "admin", "welcome", "cockpit"})
    void servesOurConfigOfferingChineseAndEnglishInsteadOfTheWebjars(String app) throws IOException {
        List<URL> configs = Collections.list(getClass().getClassLoader().getResources(APP + app + "/scripts/config.js"));

        assertThat(configs).as("config.js of %s on the classpath", app).hasSize(2);
        // The first one wins: ours, from the project's classes, ahead of the webjar's.
        assertThat(configs.get(0).getProtocol()).isEqualTo("file");
        assertThat(configs.get(1).getProtocol()).isEqualTo("jar");
        assertThat(read(configs.get(0))).contains("availableLocales: ['zh', 'en']");
    }

    private static void compareStructure(String path, JsonNode english, JsonNode chinese, List<String> problems) {
        if (chinese == null) {
            problems.add("missing: " + path);
        } else if (english.isObject()) {
            if (!chinese.isObject() || !fieldNames(english).equals(fieldNames(chinese))) {
                problems.add("other keys: " + path + ": " + fieldNames(english) + " | " + fieldNames(chinese));
            } else {
                english.fieldNames().forEachRemaining(key ->
                        compareStructure(path + "." + key, english.get(key), chinese.get(key), problems));
            }
        } else if (english.isArray()) {
            if (!chinese.isArray() || english.size() != chinese.size()) {
                problems.add("other length: " + path + ": " + english.size() + " | " + chinese.size());
            } else {
                for (int i = 0; i < english.size(); i++) {
                    compareStructure(path + "[" + i + "]", english.get(i), chinese.get(i), problems);
                }
            }
        } else if (english.getNodeType() != chinese.getNodeType()) {
            problems.add("other type: " + path + ": " + english.getNodeType() + " | " + chinese.getNodeType());
        } else if (english.isTextual()
                && !tokens(DATE_PLACEHOLDER, english.asText(), false).equals(tokens(DATE_PLACEHOLDER, chinese.asText(), false))) {
            problems.add("placeholders differ: " + path + ": " + english.asText() + " | " + chinese.asText());
        }
    }

    /** The tokens in a text, sorted (Chinese may move them); placeholders compared without their spaces. */
    private static List<String> tokens(Pattern pattern, String text, boolean ignoreWhitespace) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(ignoreWhitespace ? matcher.group().replaceAll("\\s", "") : matcher.group());
        }
        Collections.sort(found);
        return found;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        fields.forEachRemaining(field -> names.add(field.getKey()));
        return names;
    }

    private static JsonNode locale(String app, String locale) {
        try {
            String text = read(resource(APP + app + "/locales/" + locale + ".json"));
            // Camunda's files start with a byte order mark.
            return JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static URL resource(String name) {
        URL url = WebappTranslationsTest.class.getClassLoader().getResource(name);
        assertThat(url).as(name).isNotNull();
        return url;
    }

    private static String read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
