package fi.palaute.adapters.http;

import fi.palaute.adapters.http.answer.SurveyPageRoutes;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Requests Jetty refuses before they reach Javalin (a malformed URI, oversized headers) are answered as
 * Problem Details too, never with Jetty's HTML error page. Jetty has replaced the path of such a request by then, so
 * a survey page's cannot be told apart: every such answer carries the page's security headers, which do no harm on
 * JSON. (No browser sends such a request: it encodes what it cannot send as it is.)
 */
final class ProblemErrorHandler extends ErrorHandler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = request.getAttribute(ERROR_STATUS) instanceof Integer code ? code : response.getStatus();
        if (status < 400) {
            status = 500;
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, HttpAdapter.PROBLEM_JSON);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        SurveyPageRoutes.SECURITY_HEADERS.forEach(response.getHeaders()::put);
        response.write(true, ByteBuffer.wrap(HttpAdapter.problemBytes(status)), callback);
        return true;
    }
}
