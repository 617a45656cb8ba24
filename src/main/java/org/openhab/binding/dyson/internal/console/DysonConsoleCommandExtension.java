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
package org.openhab.binding.dyson.internal.console;

import static org.openhab.binding.dyson.internal.DysonBindingConstants.BINDING_ID;
import static org.openhab.binding.dyson.internal.DysonBindingConstants.THING_TYPE_ACCOUNT;

import java.util.Comparator;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.dyson.internal.DysonThingTypes;
import org.openhab.binding.dyson.internal.cloud.CloudDevice;
import org.openhab.binding.dyson.internal.device.ProductType;
import org.openhab.binding.dyson.internal.handler.DysonAccountHandler;
import org.openhab.core.io.console.Console;
import org.openhab.core.io.console.ConsoleCommandCompleter;
import org.openhab.core.io.console.extensions.AbstractConsoleCommandExtension;
import org.openhab.core.io.console.extensions.ConsoleCommandExtension;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingRegistry;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@code dyson} console command ({@code openhab:dyson} in the Karaf console): lists the account things with their
 * status and an account's devices as the Dyson cloud lists them. It prints facts only, never a password, token or
 * local or cloud credential, and it triggers no cloud call.
 *
 * @author Dyson binding team - Initial contribution
 */
@Component(service = ConsoleCommandExtension.class)
@NonNullByDefault
public class DysonConsoleCommandExtension extends AbstractConsoleCommandExtension {

    static final String ACCOUNTS = "accounts";
    static final String DEVICES = "devices";
    static final String HELP = "help";
    private static final List<String> SUBCOMMANDS = List.of(ACCOUNTS, DEVICES, HELP);

    private final ThingRegistry thingRegistry;

    @Activate
    public DysonConsoleCommandExtension(@Reference ThingRegistry thingRegistry) {
        super(BINDING_ID, "Lists Dyson accounts and their devices.");
        this.thingRegistry = thingRegistry;
    }

    @Override
    public void execute(String[] args, Console console) {
        if (args.length == 1 && ACCOUNTS.equals(args[0])) {
            listAccounts(console);
        } else if (args.length == 2 && DEVICES.equals(args[0])) {
            listDevices(args[1], console);
        } else {
            printUsage(console);
        }
    }

    @Override
    public List<String> getUsages() {
        return List.of(buildCommandUsage(ACCOUNTS, "list the Dyson account things and their status"),
                buildCommandUsage(DEVICES + " <accountThingUID>",
                        "list the devices of an account as the Dyson cloud lists them (no credentials)"),
                buildCommandUsage(HELP, "show this usage"));
    }

    @Override
    public @Nullable ConsoleCommandCompleter getCompleter() {
        return this::complete;
    }

    private boolean complete(String[] args, int cursorArgumentIndex, int cursorPosition, List<String> candidates) {
        List<String> choices;
        if (cursorArgumentIndex <= 0) {
            choices = SUBCOMMANDS;
        } else if (cursorArgumentIndex == 1 && DEVICES.equals(args[0])) {
            choices = accounts().stream().map(thing -> thing.getUID().getAsString()).toList();
        } else {
            return false;
        }
        String typed = cursorArgumentIndex >= 0 && cursorArgumentIndex < args.length
                ? args[cursorArgumentIndex].substring(0, Math.min(cursorPosition, args[cursorArgumentIndex].length()))
                : "";
        choices.stream().filter(choice -> choice.startsWith(typed)).map(choice -> choice + " ")
                .forEach(candidates::add);
        return !candidates.isEmpty();
    }

    private List<Thing> accounts() {
        return thingRegistry.stream().filter(thing -> THING_TYPE_ACCOUNT.equals(thing.getThingTypeUID()))
                .sorted(Comparator.comparing(thing -> thing.getUID().getAsString())).toList();
    }

    private void listAccounts(Console console) {
        List<Thing> accounts = accounts();
        if (accounts.isEmpty()) {
            console.println("No Dyson account things.");
            return;
        }
        for (Thing account : accounts) {
            DysonAccountHandler handler = accountHandler(account);
            String devices = handler == null ? "no handler" : handler.devices().size() + " devices";
            console.println(account.getUID().getAsString() + "  " + status(account.getStatusInfo()) + "  \""
                    + printable(account.getLabel()) + "\"  " + devices);
        }
    }

    private void listDevices(String accountUid, Console console) {
        Thing account;
        try {
            account = thingRegistry.get(new ThingUID(accountUid));
        } catch (IllegalArgumentException e) {
            console.println("Not a thing UID: " + printable(accountUid));
            return;
        }
        if (account == null || !THING_TYPE_ACCOUNT.equals(account.getThingTypeUID())) {
            console.println("No Dyson account thing " + printable(accountUid) + "; see '" + getCommand() + " "
                    + ACCOUNTS + "'.");
            return;
        }
        DysonAccountHandler handler = accountHandler(account);
        if (handler == null) {
            console.println("The account " + accountUid + " has no handler (" + status(account.getStatusInfo())
                    + ").");
            return;
        }
        List<CloudDevice> devices = handler.devices();
        if (devices.isEmpty()) {
            console.println("The account " + accountUid + " lists no devices yet (" + status(account.getStatusInfo())
                    + ").");
            return;
        }
        console.println(devices.size() + " devices of " + accountUid + ":");
        devices.forEach(device -> printDevice(device, console));
    }

    private static void printDevice(CloudDevice device, Console console) {
        ProductType productType = ProductType.fromRootTopic(device.mqttRootTopicLevel());
        ThingTypeUID thingType = device.isMqttCapable() ? DysonThingTypes.forRootTopic(device.mqttRootTopicLevel())
                : null;
        console.println(printable(device.serialNumber()) + "  \"" + printable(device.name()) + "\"");
        console.println("    product type: " + printable(device.mqttRootTopicLevel())
                + (productType == null ? "" : " (" + productType.productName() + ")") + ", model: "
                + printable(device.model()) + ", firmware: " + printable(device.firmwareVersion()));
        console.println("    connection: " + printable(device.connectionCategory()) + ", remote broker: "
                + printable(device.remoteBrokerType()) + ", local credentials: "
                + (device.hasLocalCredentials() ? "yes" : "no") + ", thing type: "
                + (thingType == null ? "not supported" : thingType.getId()));
    }

    private static @Nullable DysonAccountHandler accountHandler(Thing account) {
        return account.getHandler() instanceof DysonAccountHandler handler ? handler : null;
    }

    private static String status(ThingStatusInfo info) {
        return info.getStatusDetail() == ThingStatusDetail.NONE ? info.getStatus().name()
                : info.getStatus() + " (" + info.getStatusDetail() + ")";
    }

    /** Cloud and user texts without control characters (no terminal escapes); "-" when absent. */
    private static String printable(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return "-";
        }
        return text.replaceAll("\\p{Cntrl}", "?");
    }
}
