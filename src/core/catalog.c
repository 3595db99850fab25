/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The device catalog: every palette model and module, read from data/catalog.xml. */
#include "config.h"

#include <string.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "catalog.h"
#include "cord-core-resources.h"
#include "cord-error.h"
#include "xml-util.h"

struct _CordCatalog {
  GStringChunk *strings;
  GPtrArray    *allocs;     /* arrays owned by the catalog */
  GPtrArray    *models;     /* CordModelSpec*, file order */
  GPtrArray    *modules;    /* CordModuleSpec*, file order */
  GHashTable   *model_by_name;
  GHashTable   *module_by_name;
};

typedef struct {
  CordCatalog *catalog;
  const char  *filename;
} Reader;

static const char *
keep (Reader     *r,
      const char *str)
{
  g_assert (r != NULL);
  return str != NULL ? g_string_chunk_insert_const (r->catalog->strings, str) : NULL;
}

static gpointer
own (Reader  *r,
     gpointer mem)
{
  g_assert (r != NULL);
  if (mem != NULL)
    g_ptr_array_add (r->catalog->allocs, mem);
  return mem;
}

static const char *
get_kept (Reader        *r,
          const xmlNode *node,
          const char    *name,
          gboolean       required,
          GError       **error)
{
  g_autofree char *value = NULL;

  g_assert (r != NULL);
  value = required ? cord_xml_require (node, name, r->filename, error)
                   : cord_xml_get (node, name);
  return keep (r, value);
}

static guint
count_children (xmlNode    *parent,
                const char *name)
{
  guint n = 0;

  for (xmlNode *c = cord_xml_first_element (parent); c; c = cord_xml_next_element (c))
    if (cord_xml_is (c, name))
      n++;
  return n;
}

static gboolean
read_medium (Reader        *r,
             const xmlNode *node,
             CordMedium    *medium,
             GError       **error)
{
  g_autofree char *value = cord_xml_require (node, "medium", r->filename, error);

  if (value == NULL)
    return FALSE;
  if (!cord_medium_from_string (value, medium))
    {
      cord_xml_set_error (error, CORD_ERROR_INVALID, r->filename, node,
                          _("unknown medium \"%s\""), value);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_slot (Reader        *r,
           const xmlNode *node,
           CordSlotSpec  *slot,
           GError       **error)
{
  static const char * const attrs[] = { "id", "accepts", "ports", "first", NULL };
  g_autofree char *accepts = NULL;
  g_auto(GStrv) families = NULL;
  guint n = 0;

  if (!cord_xml_check_attrs (node, attrs, r->filename, error))
    return FALSE;
  slot->id = get_kept (r, node, "id", TRUE, error);
  if (slot->id == NULL)
    return FALSE;
  slot->ports = get_kept (r, node, "ports", TRUE, error);
  if (slot->ports == NULL)
    return FALSE;
  if (xmlHasProp (node, (const xmlChar *) "first") &&
      !cord_xml_get_uint (node, "first", 999, &slot->first, r->filename, error))
    return FALSE;
  accepts = cord_xml_require (node, "accepts", r->filename, error);
  if (accepts == NULL)
    return FALSE;
  families = g_strsplit_set (accepts, " \t\n", -1);
  slot->accepts = own (r, g_new0 (const char *, g_strv_length (families) + 1));
  for (guint i = 0; families[i] != NULL; i++)
    if (*families[i] != '\0')
      slot->accepts[n++] = keep (r, families[i]);
  if (n == 0)
    {
      cord_xml_set_error (error, CORD_ERROR_INVALID, r->filename, node,
                          _("slot \"%s\" accepts no module family"), slot->id);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_description (Reader        *r,
                  xmlNode       *node,
                  const char   **out)
{
  g_autofree char *text = cord_xml_text (node);

  g_assert (r != NULL);
  *out = keep (r, g_strstrip (text));
  return TRUE;
}

static gboolean
read_module (Reader   *r,
             xmlNode  *node,
             GError  **error)
{
  static const char * const attrs[] = { "name", "family", NULL };
  static const char * const port_attrs[] = { "type", "medium", "count", "switchport", NULL };
  CordModuleSpec *module = own (r, g_new0 (CordModuleSpec, 1));
  guint np = 0, ns = 0;

  if (!cord_xml_check_attrs (node, attrs, r->filename, error) ||
      !cord_xml_check_children (node, r->filename, error))
    return FALSE;
  module->name = get_kept (r, node, "name", TRUE, error);
  if (module->name == NULL)
    return FALSE;
  module->family = get_kept (r, node, "family", TRUE, error);
  if (module->family == NULL)
    return FALSE;
  if (g_hash_table_contains (r->catalog->module_by_name, module->name))
    {
      cord_xml_set_error (error, CORD_ERROR_INVALID, r->filename, node,
                          _("module \"%s\" is defined twice"), module->name);
      return FALSE;
    }
  module->ports = own (r, g_new0 (CordModulePorts, count_children (node, "port")));
  module->slots = own (r, g_new0 (CordSlotSpec, count_children (node, "slot")));
  module->description = "";

  for (xmlNode *c = cord_xml_first_element (node); c; c = cord_xml_next_element (c))
    {
      if (cord_xml_is (c, "description"))
        read_description (r, c, &module->description);
      else if (cord_xml_is (c, "port"))
        {
          CordModulePorts *p = &module->ports[np++];

          if (!cord_xml_check_attrs (c, port_attrs, r->filename, error))
            return FALSE;
          p->type = get_kept (r, c, "type", TRUE, error);
          if (p->type == NULL || !read_medium (r, c, &p->medium, error) ||
              !cord_xml_get_uint (c, "count", 64, &p->count, r->filename, error) ||
              !cord_xml_get_bool (c, "switchport", FALSE, &p->switchport, r->filename, error))
            return FALSE;
        }
      else if (cord_xml_is (c, "slot"))
        {
          if (!read_slot (r, c, &module->slots[ns++], error))
            return FALSE;
        }
      else
        {
          cord_xml_set_error (error, CORD_ERROR_INVALID, r->filename, c,
                              _("unexpected <%s> in <module>"), (const char *) c->name);
          return FALSE;
        }
    }
  module->n_ports = np;
  module->n_slots = ns;
  g_ptr_array_add (r->catalog->modules, module);
  g_hash_table_insert (r->catalog->module_by_name, (gpointer) module->name, module);
  return TRUE;
}

static gboolean
parse_enum (const char         *value,
            const char * const *names,
            int                *out)
{
  for (int i = 0; names[i] != NULL; i++)
    if (g_strcmp0 (value, names[i]) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

static const char * const kind_names[] = {
  "router", "switch", "l3switch", "bridge", "hub", "pc", "laptop", "server", NULL
};
static const char * const category_names[] = {
  "routers", "switches", "hubs", "end-devices", NULL
};

static gboolean
read_model (Reader   *r,
            xmlNode  *node,
            GError  **error)
{
  static const char * const attrs[] = { "name", "kind", "category", "prefix", "hostname", "mdix", NULL };
  static const char * const port_attrs[] = { "name", "type", "medium", NULL };
  static const char * const default_attrs[] = { "slot", "module", NULL };
  static const char * const ios_attrs[] = { "software", "compiled", "processor", "image", "legacy", NULL };
  CordModelSpec *model = own (r, g_new0 (CordModelSpec, 1));
  g_autofree char *kind = NULL;
  g_autofree char *category = NULL;
  guint np = 0, ns = 0, nd = 0;
  int value;

  if (!cord_xml_check_attrs (node, attrs, r->filename, error) ||
      !cord_xml_check_children (node, r->filename, error))
    return FALSE;
  model->name = get_kept (r, node, "name", TRUE, error);
  if (model->name == NULL)
    return FALSE;
  if (g_hash_table_contains (r->catalog->model_by_name, model->name))
    {
      cord_xml_set_error (error, CORD_ERROR_INVALID, r->filename, node,
                          _("model \"%s\" is defined twice"), model->name);
      return FALSE;
    }
  kind = cord_xml_require (node, "kind", r->filename, error);
  if (kind == NULL)
    return FALSE;
  if (!parse_enum (kind, kind_names, &value))
    {
      cord_xml_set_error (error, CORD_ERROR_INVALID, r->filename, node,
                          _("unknown device kind \"%s\""), kind);
      return FALSE;
    }
  model->kind = value;
  category = cord_xml_require (node, "category", r->filename, error);
  if (category == NULL)
    return FALSE;
  if (!parse_enum (category, category_names, &value))
    {
      cord_xml_set_error (error, CORD_ERROR_INVALID, r->filename, node,
                          _("unknown category \"%s\""), category);
      return FALSE;
    }
  model->category = value;
  model->prefix = get_kept (r, node, "prefix", TRUE, error);
  if (model->prefix == NULL)
    return FALSE;
  model->hostname = get_kept (r, node, "hostname", FALSE, NULL);
  if (!cord_xml_get_bool (node, "mdix", FALSE, &model->mdix, r->filename, error))
    return FALSE;
  model->description = "";

  model->ports = own (r, g_new0 (CordPortSpec, count_children (node, "port")));
  model->slots = own (r, g_new0 (CordSlotSpec, count_children (node, "slot")));
  model->defaults = own (r, g_new0 (CordDefaultModule, count_children (node, "default")));

  for (xmlNode *c = cord_xml_first_element (node); c; c = cord_xml_next_element (c))
    {
      if (cord_xml_is (c, "description"))
        read_description (r, c, &model->description);
      else if (cord_xml_is (c, "port"))
        {
          CordPortSpec *p = &model->ports[np++];

          if (!cord_xml_check_attrs (c, port_attrs, r->filename, error))
            return FALSE;
          p->name = get_kept (r, c, "name", TRUE, error);
          if (p->name == NULL)
            return FALSE;
          p->type = get_kept (r, c, "type", TRUE, error);
          if (p->type == NULL || !read_medium (r, c, &p->medium, error))
            return FALSE;
        }
      else if (cord_xml_is (c, "slot"))
        {
          if (!read_slot (r, c, &model->slots[ns++], error))
            return FALSE;
        }
      else if (cord_xml_is (c, "default"))
        {
          CordDefaultModule *d = &model->defaults[nd++];

          if (!cord_xml_check_attrs (c, default_attrs, r->filename, error))
            return FALSE;
          d->slot = get_kept (r, c, "slot", TRUE, error);
          if (d->slot == NULL)
            return FALSE;
          d->module = get_kept (r, c, "module", TRUE, error);
          if (d->module == NULL)
            return FALSE;
        }
      else if (cord_xml_is (c, "ios"))
        {
          if (!cord_xml_check_attrs (c, ios_attrs, r->filename, error))
            return FALSE;
          model->ios.software = get_kept (r, c, "software", TRUE, error);
          model->ios.compiled = get_kept (r, c, "compiled", FALSE, NULL);
          model->ios.processor = get_kept (r, c, "processor", FALSE, NULL);
          model->ios.image = get_kept (r, c, "image", FALSE, NULL);
          if (model->ios.software == NULL ||
              !cord_xml_get_bool (c, "legacy", FALSE, &model->ios.legacy, r->filename, error))
            return FALSE;
        }
      else
        {
          cord_xml_set_error (error, CORD_ERROR_INVALID, r->filename, c,
                              _("unexpected <%s> in <model>"), (const char *) c->name);
          return FALSE;
        }
    }
  model->n_ports = np;
  model->n_slots = ns;
  model->n_defaults = nd;
  g_ptr_array_add (r->catalog->models, model);
  g_hash_table_insert (r->catalog->model_by_name, (gpointer) model->name, model);
  return TRUE;
}

/* Cross-checks that data alone cannot express: defaults name real modules
 * that fit their slots, and port names are unique per model. */
static gboolean
check_catalog (Reader   *r,
               GError  **error)
{
  for (guint i = 0; i < r->catalog->models->len; i++)
    {
      const CordModelSpec *model = r->catalog->models->pdata[i];
      g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint p = 0; p < model->n_ports; p++)
        if (!g_hash_table_add (names, (gpointer) model->ports[p].name))
          {
            g_set_error (error, CORD_ERROR, CORD_ERROR_INVALID,
                         _("%s: model %s lists port %s twice"),
                         r->filename, model->name, model->ports[p].name);
            return FALSE;
          }
      for (guint d = 0; d < model->n_defaults; d++)
        {
          const CordModuleSpec *module = cord_catalog_lookup_module (r->catalog, model->defaults[d].module);
          const CordSlotSpec *slot = cord_model_find_slot (model, model->defaults[d].slot);

          if (module == NULL || slot == NULL || !cord_slot_accepts (slot, module))
            {
              g_set_error (error, CORD_ERROR, CORD_ERROR_INVALID,
                           _("%s: model %s has a default module %s that does "
                             "not fit slot %s"), r->filename, model->name,
                           model->defaults[d].module, model->defaults[d].slot);
              return FALSE;
            }
        }
    }
  return TRUE;
}

CordCatalog *
cord_catalog_new_from_bytes (GBytes      *xml,
                             const char  *filename,
                             GError     **error)
{
  g_autoptr(CordCatalog) catalog = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  Reader r;
  xmlNode *root;
  gsize len;
  const char *data;

  g_return_val_if_fail (xml != NULL, NULL);
  g_return_val_if_fail (filename != NULL, NULL);

  data = g_bytes_get_data (xml, &len);
  doc = cord_xml_read (data, len, filename, error);
  if (doc == NULL)
    return NULL;

  catalog = g_new0 (CordCatalog, 1);
  catalog->strings = g_string_chunk_new (4096);
  catalog->allocs = g_ptr_array_new_with_free_func (g_free);
  catalog->models = g_ptr_array_new ();
  catalog->modules = g_ptr_array_new ();
  catalog->model_by_name = g_hash_table_new (g_str_hash, g_str_equal);
  catalog->module_by_name = g_hash_table_new (g_str_hash, g_str_equal);
  r.catalog = catalog;
  r.filename = filename;

  root = xmlDocGetRootElement (doc);
  if (!cord_xml_is (root, "catalog"))
    {
      cord_xml_set_error (error, CORD_ERROR_INVALID, filename, root,
                          _("the root element must be <catalog>"));
      return NULL;
    }
  if (!cord_xml_check_children (root, filename, error))
    return NULL;

  for (xmlNode *c = cord_xml_first_element (root); c; c = cord_xml_next_element (c))
    {
      gboolean ok;

      if (cord_xml_is (c, "module"))
        ok = read_module (&r, c, error);
      else if (cord_xml_is (c, "model"))
        ok = read_model (&r, c, error);
      else
        {
          cord_xml_set_error (error, CORD_ERROR_INVALID, filename, c,
                              _("unexpected <%s> in <catalog>"), (const char *) c->name);
          ok = FALSE;
        }
      if (!ok)
        return NULL;
    }

  if (!check_catalog (&r, error))
    return NULL;

  return g_steal_pointer (&catalog);
}

CordCatalog *
cord_catalog_new_from_file (const char  *path,
                            GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize len;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &contents, &len, error))
    return NULL;
  bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
  return cord_catalog_new_from_bytes (bytes, path, error);
}

CordCatalog *
cord_catalog_get_default (void)
{
  static CordCatalog *catalog;

  if (g_once_init_enter (&catalog))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      CordCatalog *loaded;

      /* Looked up in the library's own resource, which also keeps the
       * linker from dropping it out of the static library. */
      bytes = g_resource_lookup_data (cord_core_get_resource (),
                                      "/org/patchcord/core/catalog.xml",
                                      G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      loaded = bytes != NULL ? cord_catalog_new_from_bytes (bytes, "catalog.xml", &error) : NULL;
      /* The built-in catalog is part of the program; a broken one is a
       * build defect, not something a user can cause. */
      if (loaded == NULL)
        g_error ("The built-in device catalog is broken: %s", error->message);
      g_once_init_leave (&catalog, loaded);
    }
  return catalog;
}

void
cord_catalog_free (CordCatalog *catalog)
{
  if (catalog == NULL)
    return;
  g_clear_pointer (&catalog->model_by_name, g_hash_table_unref);
  g_clear_pointer (&catalog->module_by_name, g_hash_table_unref);
  g_clear_pointer (&catalog->models, g_ptr_array_unref);
  g_clear_pointer (&catalog->modules, g_ptr_array_unref);
  g_clear_pointer (&catalog->allocs, g_ptr_array_unref);
  g_clear_pointer (&catalog->strings, g_string_chunk_free);
  g_free (catalog);
}

const CordModelSpec *
cord_catalog_lookup_model (const CordCatalog *catalog,
                           const char        *name)
{
  g_return_val_if_fail (catalog != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  return g_hash_table_lookup (catalog->model_by_name, name);
}

const CordModuleSpec *
cord_catalog_lookup_module (const CordCatalog *catalog,
                            const char        *name)
{
  g_return_val_if_fail (catalog != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  return g_hash_table_lookup (catalog->module_by_name, name);
}

guint
cord_catalog_get_n_models (const CordCatalog *catalog)
{
  g_return_val_if_fail (catalog != NULL, 0);
  return catalog->models->len;
}

const CordModelSpec *
cord_catalog_get_model (const CordCatalog *catalog,
                        guint              index)
{
  g_return_val_if_fail (catalog != NULL, NULL);
  g_return_val_if_fail (index < catalog->models->len, NULL);
  return catalog->models->pdata[index];
}

guint
cord_catalog_get_n_modules (const CordCatalog *catalog)
{
  g_return_val_if_fail (catalog != NULL, 0);
  return catalog->modules->len;
}

const CordModuleSpec *
cord_catalog_get_module (const CordCatalog *catalog,
                         guint              index)
{
  g_return_val_if_fail (catalog != NULL, NULL);
  g_return_val_if_fail (index < catalog->modules->len, NULL);
  return catalog->modules->pdata[index];
}

gboolean
cord_slot_accepts (const CordSlotSpec   *slot,
                   const CordModuleSpec *module)
{
  g_return_val_if_fail (slot != NULL, FALSE);
  g_return_val_if_fail (module != NULL, FALSE);

  for (guint i = 0; slot->accepts[i] != NULL; i++)
    if (strcmp (slot->accepts[i], module->family) == 0)
      return TRUE;
  return FALSE;
}

const CordSlotSpec *
cord_model_find_slot (const CordModelSpec *model,
                      const char          *id)
{
  g_return_val_if_fail (model != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < model->n_slots; i++)
    if (strcmp (model->slots[i].id, id) == 0)
      return &model->slots[i];
  return NULL;
}

char *
cord_slot_port_name (const CordSlotSpec *slot,
                     const char         *type,
                     guint               index)
{
  GString *name;

  g_return_val_if_fail (slot != NULL, NULL);
  g_return_val_if_fail (type != NULL, NULL);

  name = g_string_new (NULL);
  for (const char *p = slot->ports; *p; p++)
    {
      if (g_str_has_prefix (p, "{type}"))
        {
          g_string_append (name, type);
          p += strlen ("{type}") - 1;
        }
      else if (g_str_has_prefix (p, "{slot}"))
        {
          g_string_append (name, slot->id);
          p += strlen ("{slot}") - 1;
        }
      else if (g_str_has_prefix (p, "{n}"))
        {
          g_string_append_printf (name, "%u", slot->first + index);
          p += strlen ("{n}") - 1;
        }
      else
        g_string_append_c (name, *p);
    }
  return g_string_free (name, FALSE);
}

gboolean
cord_kind_has_ios (CordDeviceKind kind)
{
  return kind == CORD_KIND_ROUTER || kind == CORD_KIND_SWITCH ||
         kind == CORD_KIND_L3SWITCH;
}

gboolean
cord_kind_has_vlans (CordDeviceKind kind)
{
  return kind == CORD_KIND_SWITCH || kind == CORD_KIND_L3SWITCH;
}

gboolean
cord_kind_is_host (CordDeviceKind kind)
{
  return kind == CORD_KIND_PC || kind == CORD_KIND_LAPTOP ||
         kind == CORD_KIND_SERVER;
}

static const char * const medium_names[] = {
  "copper", "fiber", "serial", "console", "async", "wireless", NULL
};

const char *
cord_medium_to_string (CordMedium medium)
{
  g_return_val_if_fail ((guint) medium < G_N_ELEMENTS (medium_names) - 1, NULL);
  return medium_names[medium];
}

gboolean
cord_medium_from_string (const char *str,
                         CordMedium *medium)
{
  int value;

  g_return_val_if_fail (str != NULL, FALSE);
  if (!parse_enum (str, medium_names, &value))
    return FALSE;
  *medium = value;
  return TRUE;
}

const char *
cord_medium_describe (CordMedium medium)
{
  switch (medium)
    {
    case CORD_MEDIUM_COPPER:   return _("a copper port");
    case CORD_MEDIUM_FIBER:    return _("a fiber port");
    case CORD_MEDIUM_SERIAL:   return _("a serial port");
    case CORD_MEDIUM_CONSOLE:  return _("a console port");
    case CORD_MEDIUM_ASYNC:    return _("an async port");
    case CORD_MEDIUM_WIRELESS: return _("a wireless port");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
cord_category_to_string (CordCategory category)
{
  g_return_val_if_fail ((guint) category < G_N_ELEMENTS (category_names) - 1, NULL);
  return category_names[category];
}

const char *
cord_category_label (CordCategory category)
{
  switch (category)
    {
    case CORD_CATEGORY_ROUTERS:     return _("Routers");
    case CORD_CATEGORY_SWITCHES:    return _("Switches");
    case CORD_CATEGORY_HUBS:        return _("Hubs");
    case CORD_CATEGORY_END_DEVICES: return _("End Devices");
    default:
      g_return_val_if_reached (NULL);
    }
}
