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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.config.core.ConfigParser;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.binding.ThingHandler;
import org.openhab.core.thing.binding.ThingHandlerService;

/**
 * Stand-in of openHAB Core's discovery service bound to a thing handler (4.3 shape): the framework sets the handler
 * with {@link #setThingHandler} (type-checked), then calls {@link #initialize()}, which starts background discovery if
 * enabled; {@link #dispose()} stops it. {@code activate}/{@code deactivate} do not start or stop anything.
 *
 * @author Dyson binding team - Initial contribution
 * @param <T> the handler type the service works with
 */
@NonNullByDefault
public abstract class AbstractThingHandlerDiscoveryService<T extends ThingHandler> extends AbstractDiscoveryService
        implements ThingHandlerService {

    private final Class<T> thingClazz;
    private boolean backgroundDiscoveryEnabled;

    protected @NonNullByDefault({}) T thingHandler;

    protected AbstractThingHandlerDiscoveryService(Class<T> thingClazz, @Nullable Set<ThingTypeUID> supportedThingTypes,
            int timeout, boolean backgroundDiscoveryEnabledByDefault, @Nullable String scanInputLabel,
            @Nullable String scanInputDescription) throws IllegalArgumentException {
        super(supportedThingTypes, timeout, backgroundDiscoveryEnabledByDefault, scanInputLabel, scanInputDescription);
        this.thingClazz = thingClazz;
        this.backgroundDiscoveryEnabled = backgroundDiscoveryEnabledByDefault;
    }

    protected AbstractThingHandlerDiscoveryService(Class<T> thingClazz, @Nullable Set<ThingTypeUID> supportedThingTypes,
            int timeout, boolean backgroundDiscoveryEnabledByDefault) throws IllegalArgumentException {
        this(thingClazz, supportedThingTypes, timeout, backgroundDiscoveryEnabledByDefault, null, null);
    }

    protected AbstractThingHandlerDiscoveryService(Class<T> thingClazz, @Nullable Set<ThingTypeUID> supportedThingTypes,
            int timeout) throws IllegalArgumentException {
        this(thingClazz, supportedThingTypes, timeout, true);
    }

    protected AbstractThingHandlerDiscoveryService(Class<T> thingClazz, int timeout) throws IllegalArgumentException {
        this(thingClazz, null, timeout);
    }

    @Override
    protected abstract void startScan();

    @Override
    public void setThingHandler(ThingHandler handler) {
        if (!thingClazz.isInstance(handler)) {
            throw new IllegalArgumentException(
                    "Expected class is " + thingClazz + " but the parameter has class " + handler.getClass());
        }
        this.thingHandler = thingClazz.cast(handler);
    }

    @Override
    public @Nullable ThingHandler getThingHandler() {
        return thingHandler;
    }

    @Override
    public void activate(@Nullable Map<String, Object> config) {
        if (config != null) {
            backgroundDiscoveryEnabled = ConfigParser.valueAsOrElse(config.get(CONFIG_PROPERTY_BACKGROUND_DISCOVERY),
                    Boolean.class, backgroundDiscoveryEnabled);
        }
    }

    @Override
    public void modified(@Nullable Map<String, Object> config) {
        if (config == null) {
            return;
        }
        boolean enabled = ConfigParser.valueAsOrElse(config.get(CONFIG_PROPERTY_BACKGROUND_DISCOVERY), Boolean.class,
                backgroundDiscoveryEnabled);
        if (backgroundDiscoveryEnabled && !enabled) {
            stopBackgroundDiscovery();
        } else if (!backgroundDiscoveryEnabled && enabled) {
            startBackgroundDiscovery();
        }
        backgroundDiscoveryEnabled = enabled;
    }

    @Override
    public void deactivate() {
        // background discovery is stopped in dispose()
    }

    @Override
    public void initialize() {
        if (backgroundDiscoveryEnabled) {
            startBackgroundDiscovery();
        }
    }

    @Override
    public void dispose() {
        if (backgroundDiscoveryEnabled) {
            stopBackgroundDiscovery();
        }
    }
}
