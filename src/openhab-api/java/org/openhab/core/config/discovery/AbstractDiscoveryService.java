/*
 * Copyright (c) 2010-2026 Contributors to the openHAB project
 *
 * See the NOTICE file(s) distributed with this work for additional
 * information.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * http://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.openhab.core.config.discovery;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.common.ThreadPoolManager;
import org.openhab.core.config.core.ConfigParser;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stand-in of openHAB Core's base discovery service (4.3 and 5.x intersection): it keeps the listeners, replays
 * known results to new listeners, runs a scan until {@link #stopScan()} or the scan timeout, and starts background
 * discovery on activation if enabled. Core's translation of result labels is left out.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public abstract class AbstractDiscoveryService implements DiscoveryService {

    private final Logger logger = LoggerFactory.getLogger(AbstractDiscoveryService.class);

    protected final ScheduledExecutorService scheduler = ThreadPoolManager.getScheduledPool("discovery");
    protected @Nullable ScanListener scanListener;

    private final Set<DiscoveryListener> discoveryListeners = new CopyOnWriteArraySet<>();
    private final Map<ThingUID, DiscoveryResult> cachedResults = new ConcurrentHashMap<>();
    private final Set<ThingTypeUID> supportedThingTypes;
    private final int timeout;
    private final @Nullable String scanInputLabel;
    private final @Nullable String scanInputDescription;
    private boolean backgroundDiscoveryEnabled;
    private @Nullable ScheduledFuture<?> scheduledStop;

    protected AbstractDiscoveryService(@Nullable Set<ThingTypeUID> supportedThingTypes, int timeout,
            boolean backgroundDiscoveryEnabledByDefault, @Nullable String scanInputLabel,
            @Nullable String scanInputDescription) throws IllegalArgumentException {
        if (timeout < 0) {
            throw new IllegalArgumentException("The timeout must be >= 0!");
        }
        this.supportedThingTypes = supportedThingTypes == null ? Set.of() : Set.copyOf(supportedThingTypes);
        this.timeout = timeout;
        this.backgroundDiscoveryEnabled = backgroundDiscoveryEnabledByDefault;
        this.scanInputLabel = scanInputLabel;
        this.scanInputDescription = scanInputDescription;
    }

    protected AbstractDiscoveryService(@Nullable Set<ThingTypeUID> supportedThingTypes, int timeout,
            boolean backgroundDiscoveryEnabledByDefault) throws IllegalArgumentException {
        this(supportedThingTypes, timeout, backgroundDiscoveryEnabledByDefault, null, null);
    }

    protected AbstractDiscoveryService(@Nullable Set<ThingTypeUID> supportedThingTypes, int timeout)
            throws IllegalArgumentException {
        this(supportedThingTypes, timeout, true);
    }

    protected AbstractDiscoveryService(int timeout) throws IllegalArgumentException {
        this(null, timeout);
    }

    @Override
    public Set<ThingTypeUID> getSupportedThingTypes() {
        return supportedThingTypes;
    }

    @Override
    public int getScanTimeout() {
        return timeout;
    }

    @Override
    public boolean isBackgroundDiscoveryEnabled() {
        return backgroundDiscoveryEnabled;
    }

    @Override
    public boolean isScanInputSupported() {
        return scanInputLabel != null && scanInputDescription != null;
    }

    @Override
    public @Nullable String getScanInputLabel() {
        return scanInputLabel;
    }

    @Override
    public @Nullable String getScanInputDescription() {
        return scanInputDescription;
    }

    @Override
    public void addDiscoveryListener(@Nullable DiscoveryListener listener) {
        if (listener == null) {
            return;
        }
        cachedResults.values().forEach(result -> listener.thingDiscovered(this, result));
        discoveryListeners.add(listener);
    }

    @Override
    public void removeDiscoveryListener(@Nullable DiscoveryListener listener) {
        if (listener != null) {
            discoveryListeners.remove(listener);
        }
    }

    @Override
    public void startScan(@Nullable ScanListener listener) {
        startScanWith(listener, this::startScan);
    }

    @Override
    public void startScan(String input, @Nullable ScanListener listener) {
        startScanWith(listener, () -> startScan(input));
    }

    private synchronized void startScanWith(@Nullable ScanListener listener, Runnable scan) {
        stopScan();
        cancelScheduledStop();
        scanListener = listener;
        if (getScanTimeout() > 0) {
            scheduledStop = scheduler.schedule(this::stopScan, getScanTimeout(), TimeUnit.SECONDS);
        }
        try {
            scan.run();
        } catch (RuntimeException e) {
            cancelScheduledStop();
            scanListener = null;
            throw e;
        }
    }

    private synchronized void cancelScheduledStop() {
        ScheduledFuture<?> stop = scheduledStop;
        scheduledStop = null;
        if (stop != null) {
            stop.cancel(false);
        }
    }

    protected abstract void startScan();

    /**
     * Scan with an input (e.g. a host name); only for services whose scan input is supported.
     */
    protected void startScan(String input) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not support a scan input");
    }

    @Override
    public synchronized void abortScan() {
        cancelScheduledStop();
        ScanListener listener = scanListener;
        scanListener = null;
        if (listener != null) {
            listener.onErrorOccurred(new CancellationException("Scan has been aborted."));
        }
    }

    protected synchronized void stopScan() {
        ScanListener listener = scanListener;
        scanListener = null;
        if (listener != null) {
            listener.onFinished();
        }
    }

    protected void thingDiscovered(DiscoveryResult discoveryResult) {
        for (DiscoveryListener listener : discoveryListeners) {
            try {
                listener.thingDiscovered(this, discoveryResult);
            } catch (RuntimeException e) {
                logger.error("An error occurred while calling the discovery listener {}.",
                        listener.getClass().getName(), e);
            }
        }
        cachedResults.put(discoveryResult.getThingUID(), discoveryResult);
    }

    protected void thingRemoved(ThingUID thingUID) {
        for (DiscoveryListener listener : discoveryListeners) {
            try {
                listener.thingRemoved(this, thingUID);
            } catch (RuntimeException e) {
                logger.error("An error occurred while calling the discovery listener {}.",
                        listener.getClass().getName(), e);
            }
        }
        cachedResults.remove(thingUID);
    }

    protected void activate(@Nullable Map<String, Object> configProperties) {
        if (configProperties != null) {
            backgroundDiscoveryEnabled = ConfigParser.valueAsOrElse(
                    configProperties.get(CONFIG_PROPERTY_BACKGROUND_DISCOVERY), Boolean.class,
                    backgroundDiscoveryEnabled);
        }
        if (backgroundDiscoveryEnabled) {
            startBackgroundDiscovery();
        }
    }

    protected void modified(@Nullable Map<String, Object> configProperties) {
        if (configProperties == null) {
            return;
        }
        boolean enabled = ConfigParser.valueAsOrElse(configProperties.get(CONFIG_PROPERTY_BACKGROUND_DISCOVERY),
                Boolean.class, backgroundDiscoveryEnabled);
        if (backgroundDiscoveryEnabled && !enabled) {
            stopBackgroundDiscovery();
        } else if (!backgroundDiscoveryEnabled && enabled) {
            startBackgroundDiscovery();
        }
        backgroundDiscoveryEnabled = enabled;
    }

    protected void deactivate() {
        if (backgroundDiscoveryEnabled) {
            stopBackgroundDiscovery();
        }
    }

    protected void startBackgroundDiscovery() {
        // can be overridden by subclasses
    }

    protected void stopBackgroundDiscovery() {
        // can be overridden by subclasses
    }
}
