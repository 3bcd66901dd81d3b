package io.github.lrjakarta.jcache;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

/**
 * Embedded Hazelcast members for tests: loopback only, TCP-IP join on fixed ports, no multicast,
 * no phone-home, logging through JUL.
 */
final class HazelcastMembers {

    private HazelcastMembers() {}

    /**
     * Starts a member.
     *
     * @param cluster the cluster name (members of different tests must not meet)
     * @param instanceName the instance name, by which JCache's URI can find it
     * @param firstPort the first port of the range the members use
     * @param ports how many ports the range has
     */
    static HazelcastInstance start(String cluster, String instanceName, int firstPort, int ports) {
        return Hazelcast.newHazelcastInstance(config(cluster, instanceName, firstPort, ports));
    }

    static Config config(String cluster, String instanceName, int firstPort, int ports) {
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
        n.setPort(firstPort).setPortAutoIncrement(true).setPortCount(ports);
        n.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        n.setPublicAddress("127.0.0.1");
        JoinConfig j = n.getJoin();
        j.getMulticastConfig().setEnabled(false);
        j.getAutoDetectionConfig().setEnabled(false);
        j.getTcpIpConfig().setEnabled(true);
        for (int p = firstPort; p < firstPort + ports; p++) {
            j.getTcpIpConfig().addMember("127.0.0.1:" + p);
        }
        c.getJetConfig().setEnabled(false);
        return c;
    }
}
