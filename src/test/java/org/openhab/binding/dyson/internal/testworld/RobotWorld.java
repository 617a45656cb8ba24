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

/**
 * The loopback test world for one simulated robot vacuum, as {@link LoopbackWorld} is for an air device: a broker
 * that admits the robot's serial with its local password (and the AWS IoT relay anonymously), the robot's own MQTT
 * port in front of it that takes MQTT 3.1 only ({@link Mqtt31OnlyPort}), the AWS IoT endpoint stand-in relaying to
 * the same broker, an {@link IotAuthority} (give it to {@link DysonCloudStandIn#start(IotAuthority)} so its grants
 * open the endpoint) and the {@link RobotSimulator}. Local clients connect to {@link #localPort()}, not to the
 * broker's port. Time in the robot passes only through {@link RobotSimulator#advance} unless
 * {@link RobotSimulator#runAtSpeed} is called.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class RobotWorld implements AutoCloseable {

    private final IotAuthority authority = new IotAuthority();
    private final String localPassword;
    private final EmbeddedBroker broker;
    private final Mqtt31OnlyPort localPort;
    private final AwsIotEndpointStandIn endpoint;
    private final RobotSimulator robot;

    private RobotWorld(RobotSimulator simulator, String localPassword) throws Exception {
        this.robot = simulator;
        this.localPassword = localPassword;
        broker = new EmbeddedBroker().addAccount(simulator.serial(), localPassword).start();
        localPort = new Mqtt31OnlyPort(broker.port());
        endpoint = new AwsIotEndpointStandIn(authority, broker.port()).start();
        simulator.start(broker.port());
    }

    /** A world with a robot of {@code model}, the simulator's serial for it and a derived local password. */
    public static RobotWorld start(RobotModel model) throws Exception {
        String serial = model.simulatorSerial();
        return start(model, serial, DysonTestWorld.localPasswordFor(serial));
    }

    public static RobotWorld start(RobotModel model, String serial, String localPassword) throws Exception {
        return start(RobotSimulator.create(model, serial), localPassword);
    }

    /** A world around a robot made by the test (e.g. with other {@link RobotBehaviour.Settings}). */
    public static RobotWorld start(RobotSimulator robot, String localPassword) throws Exception {
        RobotWorld world = null;
        try {
            world = new RobotWorld(robot, localPassword);
            return world;
        } finally {
            if (world == null) {
                robot.close();
            }
        }
    }

    public RobotSimulator robot() {
        return robot;
    }

    /** The robot's local MQTT port (MQTT 3.1 only; user name = serial, password = {@link #localPassword()}). */
    public int localPort() {
        return localPort.port();
    }

    public Mqtt31OnlyPort localFront() {
        return localPort;
    }

    public String localPassword() {
        return localPassword;
    }

    public EmbeddedBroker broker() {
        return broker;
    }

    public AwsIotEndpointStandIn endpoint() {
        return endpoint;
    }

    public IotAuthority authority() {
        return authority;
    }

    /** The robot as the cloud's manifest lists it (see {@link RobotModel#standInDevice}). */
    public StandInDevice listedDevice() {
        return robot.model().standInDevice(robot.serial(), localPassword);
    }

    @Override
    public void close() throws Exception {
        robot.close();
        endpoint.close();
        localPort.close();
        broker.close();
    }
}
