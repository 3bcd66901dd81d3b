package io.github.lrjakarta.benchmarks.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.lrjakarta.core.LoginRocketTokenVerifier;
import io.github.lrjakarta.core.TokenVerification;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Login-token verification: this library cold (cache off) and warm (cache hit), against plain JDK
 * verification of the same token and against nimbus-jose-jwt, in the same run.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar Token -f 1 -wi 3 -i 5 -w 1 -r 1}.
 * Results and ratios: {@code benchmarks/RESULTS.md}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class TokenVerificationBenchmark {

    private TokenFixture fixture;
    private String token;
    private LoginRocketTokenVerifier cold;
    private LoginRocketTokenVerifier warm;
    private RSASSAVerifier nimbus;
    private RSAPublicKey publicKey;
    private JsonReaderFactory readers;
    /**
     * Equal but distinct String instances: every request brings its own copy of the token, and
     * {@code String.equals} on the very same instance would short-circuit and flatter the cache.
     */
    private String[] copies;

    @Setup
    public void setUp() throws Exception {
        fixture = new TokenFixture();
        token = fixture.token;
        publicKey = (RSAPublicKey) fixture.keys.getPublic();
        cold = LoginRocketTokenVerifier.builder().staticKey(fixture.pem).cacheSize(0).build();
        warm = LoginRocketTokenVerifier.builder().staticKey(fixture.pem).build();
        nimbus = new RSASSAVerifier(publicKey);
        readers = Json.createReaderFactory(Map.of());
        copies = new String[1024];
        for (int i = 0; i < copies.length; i++) {
            copies[i] = new String(token.toCharArray());
        }
        if (!cold.verify(token).isValid() || !warm.verify(token).isValid() || nimbusVerify().isEmpty()) {
            throw new IllegalStateException("fixture token does not verify");
        }
    }

    /** Per-thread state for the plain-JDK reference: one initialised Signature, as a careful hand-written verifier keeps. */
    @State(Scope.Thread)
    public static class JdkState {
        Signature signature;

        @Setup
        public void setUp(TokenVerificationBenchmark b) throws GeneralSecurityException {
            signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(b.publicKey);
        }
    }

    /** Per-thread rotating index into {@link #copies}. */
    @State(Scope.Thread)
    public static class Cursor {
        int i;
    }

    @Benchmark
    public TokenVerification libraryCold() {
        return cold.verify(token);
    }

    @Benchmark
    public TokenVerification libraryWarm(Cursor c) {
        return warm.verify(copies[c.i++ & 1023]);
    }

    /**
     * The practical limit: base64url decoding, SHA256withRSA on an already initialised Signature,
     * and the claims parsed with a cached JSON-P reader factory. No header parsing, no claim
     * checks, no session model.
     */
    @Benchmark
    public JsonObject plainJdk(JdkState s) throws GeneralSecurityException {
        int dot1 = token.indexOf('.');
        int dot2 = token.indexOf('.', dot1 + 1);
        byte[] ascii = token.getBytes(StandardCharsets.US_ASCII);
        Base64.Decoder d = Base64.getUrlDecoder();
        byte[] sig = d.decode(token.substring(dot2 + 1));
        s.signature.update(ascii, 0, dot2);
        if (!s.signature.verify(sig)) {
            throw new IllegalStateException("bad signature");
        }
        byte[] payload = d.decode(token.substring(dot1 + 1, dot2));
        try (JsonReader r = readers.createReader(new ByteArrayInputStream(payload), StandardCharsets.UTF_8)) {
            return r.readObject();
        }
    }

    /** nimbus-jose-jwt on the same token: parse, verify with a ready RSASSAVerifier, read the claims, check exp. */
    @Benchmark
    public JWTClaimsSet nimbus() throws ParseException, JOSEException {
        return nimbusVerify().get();
    }

    private java.util.Optional<JWTClaimsSet> nimbusVerify() throws ParseException, JOSEException {
        SignedJWT jwt = SignedJWT.parse(token);
        if (!jwt.verify(nimbus)) {
            return java.util.Optional.empty();
        }
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        if (claims.getExpirationTime() == null || claims.getExpirationTime().before(new Date())) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(claims);
    }
}
