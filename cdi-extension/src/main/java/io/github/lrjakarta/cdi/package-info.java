/**
 * LoginRocket in CDI: inject a configured {@link io.github.lrjakarta.core.LoginRocketClient}, the
 * {@link io.github.lrjakarta.core.LoginRocketTokenVerifier}, the request's {@link CurrentSession}
 * or {@link io.github.lrjakarta.core.LoginRocketSession} into CDI beans and JAX-RS resources, and
 * guard methods with {@link LoginRequired} and {@link RequiresPermission}.
 *
 * <pre>{@code
 * @Path("me") @RequestScoped
 * public class MeResource {
 *     @Inject LoginRocketSession session;            // 401 for the client without a login
 *
 *     @GET public String me() { return session.user().email().orElse(""); }
 * }
 *
 * @ApplicationScoped
 * public class Greeter {
 *     @Inject CurrentSession current;               // never throws on access
 *     @Inject LoginRocketClient client;              // one per application, closed at shutdown
 *     @Inject @LoginRocketRealm("partners") LoginRocketClient partners;   // loginrocket.partners.*
 * }
 * }</pre>
 *
 * <h2>The outcome without a login</h2>
 *
 * <p>{@link CurrentSession#get()} is empty. {@link CurrentSession#require()}, an injected
 * {@code LoginRocketSession} and the interceptors refuse the call: in a JAX-RS application with a
 * {@code jakarta.ws.rs.NotAuthorizedException} that carries its 401 response ({@code
 * WWW-Authenticate: Bearer}, body {@code {"result":"error","error":"Login required.","errors":["Login
 * required."]}}), so the JAX-RS runtime answers without an exception mapper; elsewhere with a
 * {@link NotAuthenticatedException} (also the JAX-RS exception's cause). A missing permission is a
 * 403 ({@code ForbiddenException}, cause {@link PermissionDeniedException}).
 *
 * <h2>Deploying</h2>
 *
 * <ul>
 *   <li>Jars in {@code WEB-INF/lib}: {@code loginrocket-cdi}, {@code loginrocket-servlet-filter},
 *       {@code loginrocket-core} and its {@code httpclient5} (plus {@code jakarta.json-api} and
 *       {@code parsson} on Tomcat). This jar brings its own CDI and servlet registrations
 *       ({@code META-INF/services}); it needs no {@code beans.xml} and no {@code web.xml} entry.
 *   <li>The application needs CDI (a {@code WEB-INF/beans.xml}, or bean-defining annotations on
 *       its resources) and the servlet API. Tomcat: add Weld servlet ({@code weld-servlet-core})
 *       and a JAX-RS implementation with its CDI integration (Jersey with {@code jersey-cdi1x}
 *       and {@code jersey-cdi1x-servlet}, or RESTEasy with {@code resteasy-cdi}). WildFly: nothing,
 *       and no {@code jakarta.*} jars in the WAR.
 *   <li>Requests are followed through the CDI request-context events of the container's own
 *       servlet listener, so injection works in every servlet request where the request scope is
 *       active. Asynchronous servlet requests: read the session before going asynchronous.
 * </ul>
 *
 * <p>Configuration: see {@link LoginRocketExtension}.
 *
 * @since 0.1
 */
package io.github.lrjakarta.cdi;
