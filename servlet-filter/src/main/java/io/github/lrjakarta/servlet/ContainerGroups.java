package io.github.lrjakarta.servlet;

import io.github.lrjakarta.core.LoginRocketMembership;
import io.github.lrjakarta.core.LoginRocketSession;
import io.github.lrjakarta.core.config.LoginRocketConfig;
import io.github.lrjakarta.core.config.LoginRocketKeys;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The groups a container mechanism reports for a LoginRocket session, which {@code web.xml}
 * {@code <auth-constraint>} roles, {@code isUserInRole} and {@code @RolesAllowed} then match.
 *
 * <p>By default the groups are the permissions of the session's selected org, unchanged. {@code
 * loginrocket.group-prefix} prepends a prefix to each ({@code perm:admin}), and {@code
 * loginrocket.org-group=true} adds the selected org's id ({@code org_…}) as one more group. Only
 * the selected membership counts: a user who belongs to several orgs never gets the permissions
 * of an org the session did not select. A session without a selected org has no groups.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.2
 */
public final class ContainerGroups {

    private final String prefix;
    private final boolean orgAsGroup;

    private ContainerGroups(String prefix, boolean orgAsGroup) {
        this.prefix = prefix;
        this.orgAsGroup = orgAsGroup;
    }

    /** The mapping configured by {@code loginrocket.group-prefix} and {@code loginrocket.org-group}. */
    public static ContainerGroups from(LoginRocketConfig config) {
        return new ContainerGroups(config.optionalString(LoginRocketKeys.GROUP_PREFIX).orElse(""),
                config.getBoolean(LoginRocketKeys.ORG_GROUP));
    }

    /** The default mapping: the selected org's permissions as they are. */
    public static ContainerGroups permissions() {
        return new ContainerGroups("", false);
    }

    /** The groups of a session, in the order of its permissions, then the org id if configured. */
    public Set<String> of(LoginRocketSession session) {
        Objects.requireNonNull(session, "session");
        Optional<LoginRocketMembership> selected = session.selectedMembership();
        if (selected.isEmpty()) {
            return Set.of();
        }
        Set<String> groups = new LinkedHashSet<>();
        for (String permission : selected.get().permissions()) {
            groups.add(prefix + permission);
        }
        if (orgAsGroup) {
            groups.add(selected.get().orgId());
        }
        return groups;
    }

    @Override
    public String toString() {
        return "ContainerGroups[prefix '" + prefix + "'" + (orgAsGroup ? ", org as group" : "") + "]";
    }
}
