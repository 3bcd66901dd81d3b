package io.github.lrjakarta.jcache;

import com.hazelcast.cache.HazelcastCachingProvider;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;

/**
 * Two embedded Hazelcast members of one cluster in this JVM, the two nodes of the jcache tests:
 * loopback only, TCP-IP join on fixed ports, no multicast, no phone-home, logging through JUL.
 * Start them once per test class with {@link #start(String, int)} and close them after it.
 */
final class HazelcastMembers implements AutoCloseable {

    /** The caching provider that runs on a member (not a client), as the store keys name it. */
    static final String MEMBER_PROVIDER = "com.hazelcast.cache.HazelcastMemberCachingProvider";
    private static final int PORTS = 3;

    /** The first member; its instance is named {@code <name>-one}, by which JCache's URI finds it. */
    final HazelcastInstance one;
    /** The second member, {@code <name>-two}. */
    final HazelcastInstance two;

    private HazelcastMembers(HazelcastInstance one, HazelcastInstance two) {
        this.one = one;
        this.two = two;
    }

    /**
     * Starts the two members of a cluster of their own.
     *
     * @param name the start of the instances' names, unique among the test classes
     * @param firstPort the first of the three ports the members use, unique among the test classes
     */
    static HazelcastMembers start(String name, int firstPort) {
        String cluster = name + '-' + UUID.randomUUID(); // members of different test runs must not meet
        HazelcastInstance one = Hazelcast.newHazelcastInstance(config(cluster, name + "-one", firstPort));
        try {
            return new HazelcastMembers(one,
                    Hazelcast.newHazelcastInstance(config(cluster, name + "-two", firstPort)));
        } catch (RuntimeException e) {
            one.shutdown();
            throw e;
        }
    }

    /**
     * The shared cache {@code name} as the first member sees it, created if need be (keys strings,
     * values longs). Hazelcast puts the cache manager's URI into the cache's cluster-wide name, so
     * every node must open it under the same URI: here the default one.
     */
    Cache<String, Long> cacheOnOne(String name) {
        CacheManager manager = managerOnOne();
        Cache<String, Long> c = manager.getCache(name, String.class, Long.class);
        return c != null ? c : manager.createCache(name, new MutableConfiguration<String, Long>()
                .setTypes(String.class, Long.class));
    }

    /** The shared cache {@code name} as the second member sees it; {@link #cacheOnOne} creates it. */
    Cache<String, Long> cacheOnTwo(String name) {
        return two.getCacheManager().getCache(name);
    }

    /**
     * A new cache {@code name} on the first member without declared types, as a server may configure
     * one that other applications share, holding data of theirs.
     */
    Cache<Object, Object> untypedCacheOnOne(String name) {
        return managerOnOne().createCache(name, new MutableConfiguration<>());
    }

    private CacheManager managerOnOne() {
        return Caching.getCachingProvider(MEMBER_PROVIDER).getCacheManager(
                null, null, HazelcastCachingProvider.propertiesByInstanceItself(one));
    }

    @Override
    public void close() {
        two.shutdown();
        one.shutdown();
    }

    /** Polls {@code condition} for up to 10 s: events reach the other member after the engine's delay. */
    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s: " + what);
            }
            Thread.sleep(1); // polling recorded state, not waiting for an assumed delay
        }
    }

    /**
     * {@code real}, counting its reads and writes in {@code calls}; a {@code broken} one fails them
     * as an unreachable cluster would.
     */
    @SuppressWarnings("unchecked")
    static Cache<String, Long> counting(Cache<String, Long> real, AtomicInteger calls, boolean broken) {
        return (Cache<String, Long>) Proxy.newProxyInstance(Cache.class.getClassLoader(), new Class<?>[] {Cache.class},
                (proxy, method, args) -> {
                    if (method.getName().matches("get|put.*|replace")) {
                        calls.incrementAndGet();
                        if (broken) {
                            throw new IllegalStateException("cluster unreachable");
                        }
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static Config config(String cluster, String instanceName, int firstPort) {
        System.setProperty("hazelcast.logging.type", "jdk");
        Config c = new Config();
        c.setClusterName(cluster);
        c.setInstanceName(instanceName);
        c.setProperty("hazelcast.phone.home.enabled", "false");
        c.setProperty("hazelcast.logging.type", "jdk");
        c.setProperty("hazelcast.shutdownhook.enabled", "false");
        // quick joins and quick failure detection: this is loopback
        c.setProperty("hazelcast.wait.seconds.before.join", "0");
        c.setProperty("hazelcast.max.wait.seconds.before.join", "0");
        c.setProperty("hazelcast.merge.first.run.delay.seconds", "5");
        c.setProperty("hazelcast.merge.next.run.delay.seconds", "5");
        NetworkConfig n = c.getNetworkConfig();
        n.setPort(firstPort).setPortAutoIncrement(true).setPortCount(PORTS);
        n.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        n.setPublicAddress("127.0.0.1");
        JoinConfig j = n.getJoin();
        j.getMulticastConfig().setEnabled(false);
        j.getAutoDetectionConfig().setEnabled(false);
        j.getTcpIpConfig().setEnabled(true);
        for (int p = firstPort; p < firstPort + PORTS; p++) {
            j.getTcpIpConfig().addMember("127.0.0.1:" + p);
        }
        c.getJetConfig().setEnabled(false);
        return c;
    }
}
