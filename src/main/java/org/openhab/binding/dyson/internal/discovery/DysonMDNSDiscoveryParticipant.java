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

import static org.openhab.binding.dyson.internal.DysonBindingConstants.*;

import java.net.Inet4Address;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.jmdns.ServiceInfo;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.dyson.internal.DysonThingTypes;
import org.openhab.binding.dyson.internal.device.ProductType;
import org.openhab.binding.dyson.internal.handler.DysonDeviceHandler;
import org.openhab.core.config.discovery.DiscoveryResult;
import org.openhab.core.config.discovery.DiscoveryResultBuilder;
import org.openhab.core.config.discovery.mdns.MDNSDiscoveryParticipant;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingRegistry;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Finds Dyson devices on the local network by their MQTT service {@code _dyson_mqtt._tcp.local.}, whose instance name
 * is {@code <rootTopic>_<serial>} (protocol reference §4.1). The result has no bridge; it carries the serial (the
 * representation property, shared with the account's results), the product type and the device's IPv4 address as
 * {@code hostname}. Lamps and unknown product types are not ours. The 360 Eye announces itself under a service of its
 * own ({@link Dyson360EyeMDNSDiscoveryParticipant}).
 *
 * @author Dyson binding team - Initial contribution
 */
@Component(service = MDNSDiscoveryParticipant.class, configurationPid = "discovery.dyson")
@NonNullByDefault
public class DysonMDNSDiscoveryParticipant implements MDNSDiscoveryParticipant {

    public static final String SERVICE_TYPE = "_dyson_mqtt._tcp.local.";
    public static final String PROPERTY_HOSTNAME = "hostname";

    /** Devices advertise unreliably: keep the inbox entry this long after the service went away. */
    static final long REMOVAL_GRACE_PERIOD_SECONDS = 300;

    /** Root topic, then the serial after the last '_'; both as MQTT topic levels allow them. */
    private static final Pattern INSTANCE_NAME = Pattern.compile("([A-Za-z0-9]+)_([A-Za-z0-9][A-Za-z0-9.-]*)");

    /** What an instance name announces. */
    protected record Advertised(ProductType productType, ThingTypeUID thingType, String serial) {
    }

    private final ThingRegistry thingRegistry;

    @Activate
    public DysonMDNSDiscoveryParticipant(@Reference ThingRegistry thingRegistry) {
        this.thingRegistry = thingRegistry;
    }

    @Override
    public Set<ThingTypeUID> getSupportedThingTypeUIDs() {
        return DEVICE_THING_TYPES;
    }

    @Override
    public String getServiceType() {
        return SERVICE_TYPE;
    }

    @Override
    public @Nullable ThingUID getThingUID(ServiceInfo service) {
        Advertised advertised = parse(service);
        return advertised == null ? null : thingUID(advertised);
    }

    @Override
    public @Nullable DiscoveryResult createResult(ServiceInfo service) {
        Advertised advertised = parse(service);
        if (advertised == null) {
            return null;
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put(CONFIG_SERIAL_NUMBER, advertised.serial());
        properties.put(PROPERTY_PRODUCT_TYPE, advertised.productType().rootTopic());
        String address = ipv4Address(service);
        if (address != null) {
            properties.put(PROPERTY_HOSTNAME, address);
        }
        wakeUp(advertised.serial(), address);
        String label = "@text/discovery.dyson.mdns.label [\"" + advertised.productType().productName() + "\", \""
                + advertised.serial() + "\"]";
        return DiscoveryResultBuilder.create(thingUID(advertised)).withLabel(label).withProperties(properties)
                .withRepresentationProperty(CONFIG_SERIAL_NUMBER).build();
    }

    @Override
    public long getRemovalGracePeriodSeconds(ServiceInfo serviceInfo) {
        return REMOVAL_GRACE_PERIOD_SECONDS;
    }

    /**
     * A device announces itself when it joins the network: a thing of it that waits to reconnect tries at once (and
     * learns a changed address when it has none configured).
     */
    private void wakeUp(String serial, @Nullable String address) {
        thingRegistry.stream().map(Thing::getHandler).filter(DysonDeviceHandler.class::isInstance)
                .map(DysonDeviceHandler.class::cast).filter(handler -> handler.serves(serial))
                .forEach(handler -> handler.deviceAnnounced(address));
    }

    private static ThingUID thingUID(Advertised advertised) {
        return new ThingUID(advertised.thingType(), DysonDeviceDiscoveryService.thingId(advertised.serial()));
    }

    private @Nullable Advertised parse(ServiceInfo service) {
        String name = service.getName();
        return name == null ? null : advertised(name.trim());
    }

    /** The device an instance name of this participant's service announces, or null when it is not ours. */
    protected @Nullable Advertised advertised(String instanceName) {
        Matcher matcher = INSTANCE_NAME.matcher(instanceName);
        if (!matcher.matches()) {
            return null;
        }
        ProductType productType = ProductType.fromRootTopic(matcher.group(1));
        ThingTypeUID thingType = DysonThingTypes.forRootTopic(matcher.group(1));
        if (productType == null || thingType == null) {
            return null;
        }
        return new Advertised(productType, thingType, matcher.group(2));
    }

    private static @Nullable String ipv4Address(ServiceInfo service) {
        Inet4Address[] addresses = service.getInet4Addresses();
        if (addresses == null) {
            return null;
        }
        for (Inet4Address address : addresses) {
            if (address != null) {
                return address.getHostAddress();
            }
        }
        return null;
    }
}
