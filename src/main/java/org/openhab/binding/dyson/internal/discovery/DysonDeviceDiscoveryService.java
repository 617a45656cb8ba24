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
package org.openhab.binding.dyson.internal.discovery;

import static org.openhab.binding.dyson.internal.DysonBindingConstants.CONFIG_SERIAL_NUMBER;
import static org.openhab.binding.dyson.internal.DysonBindingConstants.DEVICE_THING_TYPES;
import static org.openhab.binding.dyson.internal.DysonBindingConstants.PROPERTY_PRODUCT_TYPE;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.dyson.internal.DysonThingTypes;
import org.openhab.binding.dyson.internal.cloud.CloudDevice;
import org.openhab.binding.dyson.internal.handler.DysonAccountHandler;
import org.openhab.core.config.discovery.AbstractThingHandlerDiscoveryService;
import org.openhab.core.config.discovery.DiscoveryResultBuilder;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the account's MQTT-capable air treatment devices into the inbox, and withdraws those that left the account.
 *
 * @author Dyson binding team - Initial contribution
 */
@Component(scope = ServiceScope.PROTOTYPE, service = DysonDeviceDiscoveryService.class)
@NonNullByDefault
public class DysonDeviceDiscoveryService extends AbstractThingHandlerDiscoveryService<DysonAccountHandler> {

    private static final int SCAN_TIMEOUT_SECONDS = 20;

    private final Logger logger = LoggerFactory.getLogger(DysonDeviceDiscoveryService.class);
    private final Set<ThingUID> announced = ConcurrentHashMap.newKeySet();

    public DysonDeviceDiscoveryService() {
        super(DysonAccountHandler.class, DEVICE_THING_TYPES, SCAN_TIMEOUT_SECONDS);
    }

    @Override
    public void initialize() {
        thingHandler.setDiscoveryService(this);
        super.initialize();
    }

    @Override
    public void dispose() {
        super.dispose();
        thingHandler.setDiscoveryService(null);
    }

    @Override
    protected void startScan() {
        thingHandler.refreshDevicesSoon();
    }

    /** Called by the account with every new device list. */
    public void devicesUpdated(List<CloudDevice> devices) {
        ThingUID bridgeUID = thingHandler.getThing().getUID();
        Set<ThingUID> present = new HashSet<>();
        for (CloudDevice device : devices) {
            ThingTypeUID type = device.isMqttCapable() ? DysonThingTypes.forRootTopic(device.mqttRootTopicLevel())
                    : null;
            if (type == null) {
                logger.debug("Not offering {} ({}, {}): not a supported MQTT device",
                        device.serialNumber(), device.mqttRootTopicLevel(), device.connectionCategory());
                continue;
            }
            ThingUID uid = new ThingUID(type, bridgeUID, thingId(device.serialNumber()));
            present.add(uid);
            announced.add(uid);
            thingDiscovered(DiscoveryResultBuilder.create(uid).withBridge(bridgeUID).withLabel(device.name())
                    .withProperties(properties(device)).withRepresentationProperty(CONFIG_SERIAL_NUMBER).build());
        }
        for (ThingUID gone : Set.copyOf(announced)) {
            if (gone.getBridgeIds().contains(bridgeUID.getId()) && !present.contains(gone)) {
                announced.remove(gone);
                thingRemoved(gone);
            }
        }
    }

    private static Map<String, Object> properties(CloudDevice device) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(CONFIG_SERIAL_NUMBER, device.serialNumber());
        properties.put(PROPERTY_PRODUCT_TYPE, device.mqttRootTopicLevel());
        putIfPresent(properties, Thing.PROPERTY_MODEL_ID, device.model());
        putIfPresent(properties, Thing.PROPERTY_FIRMWARE_VERSION, device.firmwareVersion());
        return properties;
    }

    private static void putIfPresent(Map<String, Object> properties, String key, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            properties.put(key, value);
        }
    }

    /** Thing ids allow letters, digits, '-' and '_': serials like AB1-EU-KAA0000A fit as they are. */
    static String thingId(String serial) {
        return serial.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
