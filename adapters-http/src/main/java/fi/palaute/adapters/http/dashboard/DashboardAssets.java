package fi.palaute.adapters.http.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The files the dashboard page loads, all from this host: its own script and stylesheet, and Chart.js from the
 * {@code org.webjars.npm:chart.js} webjar on the classpath. Each is read once, when the adapter is made, so a
 * missing file stops the service from starting rather than breaking the page.
 */
final class DashboardAssets {

    static final String SCRIPT_RESOURCE = "/dashboard-assets/dashboard.js";
    static final String STYLESHEET_RESOURCE = "/dashboard-assets/dashboard.css";
    /** The webjar's version, as its jar says: the path follows the dependency's version in the pom. */
    static final String CHART_JS_VERSION = webjarVersion();
    /** Where webjars are served from, as is usual: {@code /webjars/} + the path inside {@code META-INF/resources/webjars}. */
    static final String CHART_JS_PATH = "/webjars/chart.js/" + CHART_JS_VERSION + "/dist/chart.umd.js";
    static final String CHART_JS_RESOURCE = "/META-INF/resources" + CHART_JS_PATH;

    final byte[] script;
    final byte[] stylesheet;
    final byte[] chartJs;

    DashboardAssets() {
        this.script = read(SCRIPT_RESOURCE);
        this.stylesheet = read(STYLESHEET_RESOURCE);
        this.chartJs = read(CHART_JS_RESOURCE);
    }

    private static byte[] read(String resource) {
        try (InputStream in = DashboardAssets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(resource + " cannot be read", e);
        }
    }

    private static String webjarVersion() {
        String resource = "/META-INF/maven/org.webjars.npm/chart.js/pom.properties";
        try (InputStream in = DashboardAssets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the chart.js webjar is missing from the classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "");
            if (!version.matches("[0-9A-Za-z.+-]{1,40}")) {
                throw new IllegalStateException("the chart.js webjar names no usable version");
            }
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException("the chart.js webjar cannot be read", e);
        }
    }
}
