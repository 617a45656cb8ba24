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
package org.openhab.core.thing.binding;

/**
 * Stand-in of openHAB Core's marker of a thing handler service that offers rule actions.
 *
 * @author Dyson binding team - Initial contribution
 */
public interface ThingActions extends ThingHandlerService {
}
