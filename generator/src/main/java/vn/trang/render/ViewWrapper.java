package vn.trang.render;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.ObjectWrapper;
import freemarker.template.SimpleCollection;
import freemarker.template.TemplateCollectionModel;
import freemarker.template.TemplateHashModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;

/**
 * How templates see Java values: Freemarker's default wrapper (records by their components,
 * {@code item.title}), except that a {@link View} is a hash of its components read through
 * method handles found once per record class, and a {@link PageView} shows its {@link Layout}'s
 * components beside its own. A name the view does not have is missing, as in any hash: a
 * template that prints it fails with its file and line (Renderer), and {@code x!} or
 * {@code x??} can test for it.
 */
final class ViewWrapper extends DefaultObjectWrapper {

    /** Each view class's names and how to read them, in declaration order (the layout's last). */
    private static final ClassValue<Map<String, MethodHandle>> FIELDS = new ClassValue<>() {
        @Override
        protected Map<String, MethodHandle> computeValue(Class<?> type) {
            return fields(type);
        }
    };

    ViewWrapper() {
        super(Configuration.VERSION_2_3_34);
        writeProtect();
    }

    @Override
    protected TemplateModel handleUnknownType(Object obj) throws TemplateModelException {
        if (obj instanceof View view) {
            return new ViewModel(view, FIELDS.get(view.getClass()), this);
        }
        return super.handleUnknownType(obj);
    }

    /** The names a template reads on a view of this class (docs and tests). */
    static List<String> names(Class<? extends View> type) {
        return List.copyOf(FIELDS.get(type).keySet());
    }

    private static Map<String, MethodHandle> fields(Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getName() + " is a View but not a record");
        }
        Map<String, MethodHandle> out = new LinkedHashMap<>();
        MethodHandle layout = null;
        for (RecordComponent c : type.getRecordComponents()) {
            if (PageView.class.isAssignableFrom(type) && c.getName().equals("layout")) {
                layout = accessor(c);
            } else {
                out.put(c.getName(), accessor(c));
            }
        }
        if (layout != null) {
            for (RecordComponent c : Layout.class.getRecordComponents()) {
                MethodHandle read = MethodHandles.filterReturnValue(layout.asType(MethodType.methodType(Layout.class,
                        Object.class)), accessor(c).asType(MethodType.methodType(Object.class, Layout.class)));
                if (out.putIfAbsent(c.getName(), read) != null) {
                    // Two values under one name: templates could reach only one of them.
                    throw new IllegalStateException(type.getName() + "." + c.getName() + " hides the layout's "
                            + c.getName());
                }
            }
        }
        return Collections.unmodifiableMap(out);
    }

    private static MethodHandle accessor(RecordComponent c) {
        try {
            java.lang.reflect.Method m = c.getAccessor();
            m.setAccessible(true);
            return MethodHandles.lookup().unreflect(m).asType(MethodType.methodType(Object.class, Object.class));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + c, e);
        }
    }

    /** One view as the template's data model. */
    private static final class ViewModel implements TemplateHashModelEx {
        private final View view;
        private final Map<String, MethodHandle> fields;
        private final ObjectWrapper wrapper;

        ViewModel(View view, Map<String, MethodHandle> fields, ObjectWrapper wrapper) {
            this.view = view;
            this.fields = fields;
            this.wrapper = wrapper;
        }

        @Override
        public TemplateModel get(String key) throws TemplateModelException {
            MethodHandle read = fields.get(key);
            return read == null ? null : wrapper.wrap(value(read));
        }

        private Object value(MethodHandle read) throws TemplateModelException {
            try {
                return (Object) read.invokeExact((Object) view);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new TemplateModelException(t);
            }
        }

        @Override
        public boolean isEmpty() {
            return fields.isEmpty();
        }

        @Override
        public int size() {
            return fields.size();
        }

        @Override
        public TemplateCollectionModel keys() {
            return new SimpleCollection(fields.keySet(), wrapper);
        }

        @Override
        public TemplateCollectionModel values() throws TemplateModelException {
            List<Object> values = new ArrayList<>();
            for (MethodHandle read : fields.values()) {
                values.add(value(read));
            }
            return new SimpleCollection(values, wrapper);
        }
    }
}
