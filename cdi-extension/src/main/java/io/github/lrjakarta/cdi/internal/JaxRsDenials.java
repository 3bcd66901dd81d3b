package io.github.lrjakarta.cdi.internal;

import io.github.lrjakarta.cdi.NotAuthenticatedException;
import io.github.lrjakarta.cdi.PermissionDeniedException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.RuntimeDelegate;

/**
 * The JAX-RS half of {@link Denials}. Only loaded after {@link Denials} found the JAX-RS API, so
 * applications without JAX-RS never touch it.
 */
final class JaxRsDenials {

    private JaxRsDenials() {}

    /** Throws if no JAX-RS implementation is installed. */
    static void checkImplementation() {
        RuntimeDelegate.getInstance();
    }

    static RuntimeException unauthorized(NotAuthenticatedException cause) {
        Response response = response(Response.Status.UNAUTHORIZED, cause.getMessage())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
        return new NotAuthorizedException(cause.getMessage(), response, cause);
    }

    static RuntimeException forbidden(PermissionDeniedException cause) {
        Response response =
                response(Response.Status.FORBIDDEN, cause.getMessage()).build();
        return new ForbiddenException(cause.getMessage(), response, cause);
    }

    private static Response.ResponseBuilder response(Response.Status status, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(ErrorBody.json(message));
    }
}
