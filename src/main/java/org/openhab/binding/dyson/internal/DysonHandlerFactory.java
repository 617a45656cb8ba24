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
package org.openhab.binding.dyson.internal;

import static org.openhab.binding.dyson.internal.DysonBindingConstants.*;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.client.HttpClient;
import org.openhab.binding.dyson.internal.handler.DysonAccountHandler;
import org.openhab.binding.dyson.internal.handler.DysonDeviceHandler;
import org.openhab.binding.dyson.internal.transport.LinkSettings;
import org.openhab.binding.dyson.internal.util.NetworkWorkers;
import org.openhab.core.io.net.http.HttpClientFactory;
import org.openhab.core.storage.Storage;
import org.openhab.core.storage.StorageService;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.binding.BaseThingHandlerFactory;
import org.openhab.core.thing.binding.ThingHandler;
import org.openhab.core.thing.binding.ThingHandlerFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Creates the handlers of the Dyson binding.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
@Component(service = ThingHandlerFactory.class, configurationPid = "binding.dyson")
public class DysonHandlerFactory extends BaseThingHandlerFactory {

    private static final int MAX_NETWORK_THREADS = 32;

    private final HttpClient httpClient;
    private final Storage<String> storage;
    /**
     * Connects, cloud calls and probes of every Dyson thing run here, never on openHAB's shared pools. Its threads
     * end 30 s after the last work, so it needs no shutdown when the bundle stops.
     */
    private final NetworkWorkers workers = new NetworkWorkers(MAX_NETWORK_THREADS);

    @Activate
    public DysonHandlerFactory(@Reference HttpClientFactory httpClientFactory,
            @Reference StorageService storageService) {
        this.httpClient = httpClientFactory.getCommonHttpClient();
        this.storage = storageService.getStorage("dyson", DysonHandlerFactory.class.getClassLoader());
    }

    @Override
    public boolean supportsThingType(ThingTypeUID thingTypeUID) {
        return THING_TYPE_ACCOUNT.equals(thingTypeUID) || DEVICE_THING_TYPES.contains(thingTypeUID);
    }

    @Override
    protected @Nullable ThingHandler createHandler(Thing thing) {
        ThingTypeUID type = thing.getThingTypeUID();
        if (THING_TYPE_ACCOUNT.equals(type) && thing instanceof Bridge bridge) {
            return new DysonAccountHandler(bridge, httpClient, storage, workers, null);
        } else if (DEVICE_THING_TYPES.contains(type)) {
            return new DysonDeviceHandler(thing, LinkSettings.DEFAULT, workers);
        }
        return null;
    }
}
