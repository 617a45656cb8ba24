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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.mockito.MockMakers;
import org.openhab.binding.dyson.internal.console.DysonConsoleCommandExtension;
import org.openhab.binding.dyson.internal.handler.DysonDeviceHandler;
import org.openhab.core.config.discovery.DiscoveryListener;
import org.openhab.core.io.console.extensions.AbstractConsoleCommandExtension;
import org.openhab.core.thing.binding.BaseThingHandler;

/**
 * Test classes use openHAB Core types only through Mockito or core's own classes: no compiled test class (nested and
 * anonymous ones included) implements or extends a core interface, or extends a core class other than the
 * extension points allowed below. Real openHAB's interfaces have more members than the stand-in, and some differ
 * between 4.3 and 5.x ({@code DiscoveryListener.removeOlderResults}, {@code ThingHandlerCallback.getConfigDescription}),
 * so a test class implementing one compiles against the stand-in only.
 *
 * <p>
 * Lambdas leave no class file behind, so this check cannot see them: use Mockito for core interfaces there too.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
class CoreInterfaceUseTest {

    private static final String CORE = "org.openhab.core.";

    /** Where the build puts the stand-in's sources; its classes are compiled into test-classes but are core. */
    private static final Path STAND_IN = Path.of("src/openhab-api/java");

    /**
     * Core classes a test may extend, with the reason. Each is one of core's documented extension points for
     * bindings, and its abstract members (its own and the unimplemented ones of its interfaces) are identical in
     * 4.3 and 5.x (src/test/resources/openhab-api-4.3-5.x.txt), so a subclass compiles against both.
     * Subclassing the binding's own classes (which extend these) is always fine: they are not core.
     */
    static final Map<String, String> ALLOWED_SUPERCLASSES = Map.of( //
            "org.openhab.core.thing.binding.BaseThingHandler",
            "handler base class; abstract: handleCommand, initialize (tests of the stand-in's callback semantics)",
            "org.openhab.core.thing.binding.BaseThingHandlerFactory",
            "factory base class; abstract: supportsThingType, createHandler (tests of the stand-in)",
            "org.openhab.core.config.discovery.AbstractDiscoveryService",
            "discovery base class; abstract: startScan (tests of the stand-in's listener semantics)",
            "org.openhab.core.config.discovery.AbstractThingHandlerDiscoveryService",
            "handler discovery base class; abstract: startScan (tests of the stand-in's handler injection)");

    @Test
    void noTestClassImplementsOrExtendsACoreType() throws Exception {
        Path testClasses = testClassesDirectory();
        Set<String> standIn = standInTopLevelNames();
        ClassLoader loader = CoreInterfaceUseTest.class.getClassLoader();
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(testClasses)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                String name = className(testClasses, file);
                if (name.endsWith("package-info") || name.endsWith("module-info")
                        || standIn.contains(topLevel(name))) {
                    continue;
                }
                classes.add(Class.forName(name, false, loader));
            }
        }
        assertTrue(classes.size() > 100, "the walk found the compiled test classes: " + classes.size());
        assertTrue(classes.contains(CoreInterfaceUseTest.class), "the walk found this class");

        Set<Class<?>> testOnly = Set.copyOf(classes);
        List<String> problems = new ArrayList<>();
        for (Class<?> type : classes) {
            problems.addAll(violations(type, testOnly::contains));
        }
        assertTrue(problems.isEmpty(), "Test classes must use openHAB Core interfaces through Mockito mocks (mock, "
                + "ArgumentCaptor, doAnswer) or core classes, never by implementing or extending them:\n"
                + String.join("\n", problems));
    }

    /**
     * The core types {@code type} implements or extends, directly or through test-only supertypes, that a test
     * class must not: every core interface, and every core superclass outside {@link #ALLOWED_SUPERCLASSES}.
     *
     * @param isTestOnly whether a class belongs to the tests (its supertypes are followed)
     * @return one line per violation: the path from {@code type} to the core type
     */
    static List<String> violations(Class<?> type, Predicate<Class<?>> isTestOnly) {
        List<String> found = new ArrayList<>();
        collect(type, type.getName(), isTestOnly, found);
        return found;
    }

    private static void collect(Class<?> type, String path, Predicate<Class<?>> isTestOnly, List<String> found) {
        List<Class<?>> supertypes = new ArrayList<>(List.of(type.getInterfaces()));
        Class<?> superclass = type.getSuperclass();
        if (superclass != null) {
            supertypes.add(superclass);
        }
        for (Class<?> supertype : supertypes) {
            String name = supertype.getName();
            if (name.startsWith(CORE)) {
                boolean allowed = !supertype.isInterface() && ALLOWED_SUPERCLASSES.containsKey(name);
                if (!allowed) {
                    found.add(path + (supertype.isInterface() ? " implements " : " extends ") + name);
                }
            } else if (isTestOnly.test(supertype)) {
                collect(supertype, path + " -> " + name, isTestOnly, found);
            }
        }
    }

    private static Path testClassesDirectory() throws URISyntaxException {
        Path location = Path.of(CoreInterfaceUseTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(Files.isDirectory(location), "tests run from a class directory: " + location);
        return location;
    }

    /** Binary names of the stand-in's top-level types: one per source file (nested classes follow their file). */
    private static Set<String> standInTopLevelNames() throws IOException {
        if (!Files.isDirectory(STAND_IN)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.walk(STAND_IN)) {
            return files.filter(p -> p.toString().endsWith(".java")).map(p -> className(STAND_IN, p))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static String className(Path root, Path file) {
        String relative = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
        return relative.substring(0, relative.lastIndexOf('.'));
    }

    private static String topLevel(String binaryName) {
        int nested = binaryName.indexOf('$');
        return nested < 0 ? binaryName : binaryName.substring(0, nested);
    }

    // The detection itself, on classes made at run time (they leave nothing in test-classes for the walk above).

    @Test
    void aClassImplementingACoreInterfaceIsReported() {
        Class<?> listener = Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { DiscoveryListener.class }, (proxy, method, args) -> null).getClass();

        assertEquals(List.of(listener.getName() + " implements " + DiscoveryListener.class.getName()),
                violations(listener, type -> true));
    }

    @Test
    void aSubclassOfACoreClassIsReportedUnlessAllowed() {
        Class<?> extension = subclassOf(AbstractConsoleCommandExtension.class);
        Class<?> handler = subclassOf(BaseThingHandler.class);

        assertEquals(List.of(extension.getName() + " extends " + AbstractConsoleCommandExtension.class.getName()),
                violations(extension, type -> true));
        assertEquals(List.of(), violations(handler, type -> true));
    }

    @Test
    void coreTypesReachedThroughTestOnlyClassesAreReportedButNotThroughTheBindingsClasses() {
        Class<?> extension = subclassOf(DysonConsoleCommandExtension.class);
        Class<?> handler = subclassOf(DysonDeviceHandler.class);

        assertEquals(List.of(), violations(extension, type -> type == extension));
        assertEquals(List.of(), violations(handler, type -> type == handler));
        assertEquals(
                List.of(extension.getName() + " -> " + DysonConsoleCommandExtension.class.getName() + " extends "
                        + AbstractConsoleCommandExtension.class.getName()),
                violations(extension, type -> type == extension || type == DysonConsoleCommandExtension.class));
    }

    /** A run-time subclass (Mockito's subclass mock maker), as a test class extending {@code type} would be. */
    private static Class<?> subclassOf(Class<?> type) {
        @Nullable
        Object instance = mock(type, withSettings().mockMaker(MockMakers.SUBCLASS));
        assertTrue(instance != null && instance.getClass().getSuperclass() == type);
        return instance.getClass();
    }
}
