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

import static org.openhab.binding.dyson.internal.DysonBindingConstants.THING_TYPE_360_EYE;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.dyson.internal.device.ProductType;
import org.openhab.core.config.discovery.mdns.MDNSDiscoveryParticipant;
import org.openhab.core.thing.ThingRegistry;
import org.openhab.core.thing.ThingTypeUID;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Finds 360 Eye robot vacuums on the local network by their MQTT service {@code _360eye_mqtt._tcp.local.}, whose
 * instance name is {@code 360EYE-<serial>} (protocol reference §4.1, the name of the robot's Wi-Fi set-up network
 * too). The results are those of {@link DysonMDNSDiscoveryParticipant}: serial, product type {@code N223}, address.
 *
 * @author Dyson binding team - Initial contribution
 */
@Component(service = MDNSDiscoveryParticipant.class, configurationPid = "discovery.dyson")
@NonNullByDefault
public class Dyson360EyeMDNSDiscoveryParticipant extends DysonMDNSDiscoveryParticipant {

    public static final String SERVICE_TYPE = "_360eye_mqtt._tcp.local.";

    /** {@code 360EYE-} (any case), then the serial as an MQTT topic level allows it. */
    private static final Pattern INSTANCE_NAME = Pattern.compile("360EYE-([A-Za-z0-9][A-Za-z0-9.-]*)",
            Pattern.CASE_INSENSITIVE);

    @Activate
    public Dyson360EyeMDNSDiscoveryParticipant(@Reference ThingRegistry thingRegistry) {
        super(thingRegistry);
    }

    @Override
    public Set<ThingTypeUID> getSupportedThingTypeUIDs() {
        return Set.of(THING_TYPE_360_EYE);
    }

    @Override
    public String getServiceType() {
        return SERVICE_TYPE;
    }

    @Override
    protected @Nullable Advertised advertised(String instanceName) {
        Matcher matcher = INSTANCE_NAME.matcher(instanceName);
        return matcher.matches() ? new Advertised(ProductType.TYPE_N223, THING_TYPE_360_EYE, matcher.group(1)) : null;
    }
}
