package io.github.lrjakarta.jcache;

import java.util.List;
import javax.cache.Cache;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryExpiredListener;
import javax.cache.event.CacheEntryListener;
import javax.cache.event.CacheEntryRemovedListener;
import javax.cache.event.CacheEntryUpdatedListener;
import javax.cache.event.EventType;

/**
 * Hands an event straight to the entry listeners registered on a cache, in this thread, as the
 * engine would hand it: with whatever key and value the entry has, whatever types the listener
 * declares. What a listener throws reaches the test, where the engine would only log it.
 */
final class ListenerEvents {

    private ListenerEvents() {}

    @SuppressWarnings({"unchecked", "rawtypes"})
    static void deliver(Cache<?, ?> cache, EventType type, Object key, Object value) {
        CompleteConfiguration<?, ?> config = cache.getConfiguration(CompleteConfiguration.class);
        List events = List.of(new Event(cache, type, key, value));
        int heard = 0;
        for (CacheEntryListenerConfiguration<?, ?> registered : config.getCacheEntryListenerConfigurations()) {
            CacheEntryListener<?, ?> listener = registered.getCacheEntryListenerFactory().create();
            heard++;
            switch (type) {
                case CREATED -> ((CacheEntryCreatedListener) listener).onCreated(events);
                case UPDATED -> ((CacheEntryUpdatedListener) listener).onUpdated(events);
                case REMOVED -> ((CacheEntryRemovedListener) listener).onRemoved(events);
                case EXPIRED -> ((CacheEntryExpiredListener) listener).onExpired(events);
            }
        }
        if (heard == 0) {
            throw new AssertionError("no listener registered on " + cache.getName());
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final class Event extends CacheEntryEvent<Object, Object> {
        private static final long serialVersionUID = 1L;
        private final transient Object key;
        private final transient Object value;

        Event(Cache<?, ?> source, EventType type, Object key, Object value) {
            super((Cache) source, type);
            this.key = key;
            this.value = value;
        }

        @Override
        public Object getKey() {
            return key;
        }

        @Override
        public Object getValue() {
            return value;
        }

        @Override
        public Object getOldValue() {
            return null;
        }

        @Override
        public boolean isOldValueAvailable() {
            return false;
        }

        @Override
        public <T> T unwrap(Class<T> clazz) {
            throw new IllegalArgumentException("nothing to unwrap");
        }
    }
}
