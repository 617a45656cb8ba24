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
package org.openhab.binding.dyson.internal.device;

import java.util.EnumSet;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.dyson.internal.protocol.DeviceState;
import org.openhab.binding.dyson.internal.protocol.ProtocolGeneration;
import org.openhab.binding.dyson.internal.protocol.ValueCodec;

/**
 * What one device can do: the product table (§5) refined from the keys it actually sent ("Capability detection"):
 * {@code fpwr} → newer protocol, else {@code fmod} → Link; {@code hmod} → heater; {@code hume} → humidifier;
 * {@code oton} → tilt; {@code osal} → angle oscillation; {@code fdir}/{@code ffoc} → airflow control; sensor keys
 * with a value other than {@code NONE} → sensors.
 *
 * @param family the device family (thing type)
 * @param generation the protocol generation ({@link ProtocolGeneration#UNKNOWN} until state arrives)
 * @param oscillation how it oscillates
 * @param airflow which airflow control it has
 * @param heating whether it heats
 * @param humidifier whether it humidifies
 * @param sensors the sensors it has
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public record Capabilities(DeviceFamily family, ProtocolGeneration generation, OscillationKind oscillation,
        AirflowControl airflow, boolean heating, boolean humidifier, Set<Sensor> sensors) {

    public Capabilities {
        sensors = Set.copyOf(sensors);
    }

    /** The capabilities the product table promises for a type. */
    public static Capabilities of(ProductType type) {
        return new Capabilities(type.family(), ProtocolGeneration.UNKNOWN, type.oscillation(), type.airflow(),
                type.hasHeating(), type.hasHumidifier(), type.sensors());
    }

    /** Capabilities of a device of a known product type, refined from its state. */
    public static Capabilities detect(ProductType type, DeviceState state) {
        return of(type).refine(state);
    }

    /** Capabilities of a device whose product type is unknown (only the thing type is), refined from its state. */
    public static Capabilities detect(DeviceFamily family, DeviceState state) {
        return defaults(family).refine(state);
    }

    /** The first product type of the family stands for the family's defaults. */
    static Capabilities defaults(DeviceFamily family) {
        for (ProductType type : ProductType.values()) {
            if (type.family() == family) {
                return of(type);
            }
        }
        throw new IllegalStateException("No product type for " + family);
    }

    /** These capabilities corrected by the keys the device has sent. */
    public Capabilities refine(DeviceState state) {
        ProtocolGeneration detected = state.generation();
        boolean hasHeating = heating || state.hasKey("hmod");
        boolean hasHumidifier = humidifier || state.hasKey("hume");
        return new Capabilities(family, detected, refineOscillation(state, detected), refineAirflow(state),
                hasHeating, hasHumidifier, refineSensors(state));
    }

    private OscillationKind refineOscillation(DeviceState state, ProtocolGeneration detected) {
        if (state.hasKey("oton")) {
            return OscillationKind.TILT;
        }
        if (state.hasKey("osal")) {
            return oscillation == OscillationKind.ON_OFF || oscillation == OscillationKind.TILT ? OscillationKind.D1
                    : oscillation;
        }
        if (detected == ProtocolGeneration.LINK || (state.isCurrentStateReceived() && state.hasKey("oson"))) {
            return OscillationKind.ON_OFF;
        }
        return oscillation;
    }

    private AirflowControl refineAirflow(DeviceState state) {
        if (state.hasKey("fdir")) {
            return AirflowControl.DIRECTION;
        }
        if (state.hasKey("ffoc")) {
            return AirflowControl.JET_FOCUS;
        }
        return state.isCurrentStateReceived() ? AirflowControl.NONE : airflow;
    }

    private Set<Sensor> refineSensors(DeviceState state) {
        if (!state.isSensorDataReceived()) {
            return sensors;
        }
        Set<Sensor> fitted = EnumSet.noneOf(Sensor.class);
        for (Sensor sensor : Sensor.values()) {
            for (String key : sensor.keys()) {
                @Nullable
                String value = state.sensor(key);
                if (value != null && !ValueCodec.isNotFitted(value)) {
                    fitted.add(sensor);
                }
            }
        }
        return fitted;
    }

    /** Whether the device speaks the Link key set ({@code fmod} instead of {@code fpwr}). */
    public boolean isLink() {
        return generation == ProtocolGeneration.LINK || (generation == ProtocolGeneration.UNKNOWN
                && (family == DeviceFamily.PURE_COOL_LINK || family == DeviceFamily.PURE_HOT_COOL_LINK));
    }
}
