package org.elasticsearch.plugins;

import org.elasticsearch.Build;
import org.elasticsearch.action.admin.cluster.node.info.PluginsAndModules;
import org.elasticsearch.common.settings.Settings;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plugins instantiated from classes already on the class path. Lives in this package because
 * {@link LoadedPlugin}, {@link #loadPlugin} and {@link #loadExtensions} are package-private; the
 * stock service only knows plugin bundles in directories, which Maven jars do not ship as.
 */
public class ClasspathPluginsService extends PluginsService {

    private final List<LoadedPlugin> plugins;
    private final PluginsAndModules info;

    public ClasspathPluginsService(Settings settings, Path configDir, Collection<Class<? extends Plugin>> pluginClasses) {
        super(settings, configDir, PluginsLoader.createPluginsLoader(Set.of(), Set.of(), Map.of(), false));
        this.plugins = pluginClasses.stream().map(type -> load(type, settings, configDir)).toList();
        loadExtensions(plugins);
        this.info = new PluginsAndModules(List.of(), plugins.stream().map(LoadedPlugin::descriptor).toList());
    }

    private static LoadedPlugin load(Class<? extends Plugin> type, Settings settings, Path configDir) {
        Plugin instance = loadPlugin(type, settings, configDir);
        return new LoadedPlugin(descriptor(type), instance, type.getClassLoader());
    }

    private static PluginDescriptor descriptor(Class<? extends Plugin> type) {
        String version = Build.current().version();
        return new PluginDescriptor(type.getSimpleName(), "class path plugin", version, version,
            Runtime.version().feature() + "", type.getName(), null, List.of(), false, false, false, false,
            PluginDescriptor.DeploymentTarget.ALL);
    }

    @Override
    protected List<LoadedPlugin> plugins() {
        return plugins;
    }

    @Override
    public PluginsAndModules info() {
        return info;
    }
}
