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
package org.openhab.binding.dyson.internal.testworld;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.dyson.internal.transport.DeviceTopics;

/**
 * The whole loopback test world for one simulated device: a broker that admits the device's serial with its local
 * password (and the relay anonymously), the AWS IoT endpoint stand-in relaying to it, an {@link IotAuthority}
 * and the simulated device. Start once per test class; connects cost 100-300 ms each.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class LoopbackWorld implements AutoCloseable {

    private final IotAuthority authority = new IotAuthority();
    private final EmbeddedBroker broker;
    private final AwsIotEndpointStandIn endpoint;
    private final DeviceSimulator device;

    private LoopbackWorld(DeviceSimulator simulator, String localPassword) throws Exception {
        device = simulator;
        broker = new EmbeddedBroker().addAccount(device.topics().serial(), localPassword).start();
        endpoint = new AwsIotEndpointStandIn(authority, broker.port()).start();
        device.start(broker.port());
    }

    /** Starts a world with a device of product family {@code root} (see {@code simulator/<root>.json}). */
    public static LoopbackWorld start(String root, String localPassword) throws Exception {
        return new LoopbackWorld(DeviceSimulator.forRoot(root), localPassword);
    }

    /** Starts a world whose device has another serial than its seed's (e.g. one that looks real). */
    public static LoopbackWorld start(String root, String localPassword, String serial) throws Exception {
        return new LoopbackWorld(new DeviceSimulator(new DeviceTopics(root, serial), DeviceSimulator.seed(root)),
                localPassword);
    }

    public IotAuthority authority() {
        return authority;
    }

    public EmbeddedBroker broker() {
        return broker;
    }

    public AwsIotEndpointStandIn endpoint() {
        return endpoint;
    }

    public DeviceSimulator device() {
        return device;
    }

    @Override
    public void close() throws Exception {
        device.close();
        endpoint.close();
        broker.close();
    }
}
