/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Lab files (.pclab): strict loading from XML and atomic saving. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>

#include "cord-error.h"
#include "cord-limits.h"
#include "frame.h"
#include "lab.h"
#include "topology-private.h"
#include "xml-util.h"

/* Reading. */

typedef struct {
  CordTopology *topology;
  const char   *filename;
} LabReader;

static gboolean
read_double (const xmlNode  *node,
             const char     *name,
             double         *out,
             const char     *filename,
             GError        **error)
{
  g_autofree char *value = cord_xml_require (node, name, filename, error);
  char *end = NULL;

  if (value == NULL)
    return FALSE;
  *out = g_ascii_strtod (value, &end);
  if (*value == '\0' || end == NULL || *end != '\0' || !isfinite (*out) ||
      fabs (*out) > CORD_LIMIT_COORD)
    {
      cord_xml_set_error (error, CORD_ERROR_INVALID, filename, node,
                          _("\"%s\" must be a number between -%.0f and %.0f, not \"%s\""),
                          name, CORD_LIMIT_COORD, CORD_LIMIT_COORD, value);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_power (const xmlNode  *node,
            gboolean       *out,
            const char     *filename,
            GError        **error)
{
  g_autofree char *value = cord_xml_get (node, "power");

  *out = value == NULL || strcmp (value, "on") == 0;
  if (value != NULL && !*out && strcmp (value, "off") != 0)
    {
      cord_xml_set_error (error, CORD_ERROR_INVALID, filename, node,
                          _("\"power\" must be on or off, not \"%s\""), value);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_mac (const xmlNode  *node,
          const char     *name,
          guint64        *out,
          const char     *filename,
          GError        **error)
{
  g_autofree char *value = cord_xml_get (node, name);

  *out = 0;
  if (value == NULL)
    return TRUE;
  if (!cord_mac_parse (value, out) || *out == 0)
    {
      cord_xml_set_error (error, CORD_ERROR_INVALID, filename, node,
                          _("\"%s\" is not a MAC address; write it as IOS does, "
                            "like 0001.4200.0001"), value);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_ipv4 (const xmlNode  *node,
           const char     *name,
           guint32        *out,
           const char     *filename,
           GError        **error)
{
  g_autofree char *value = cord_xml_get (node, name);

  *out = 0;
  if (value == NULL)
    return TRUE;
  if (!cord_frame_ipv4_parse (value, out))
    {
      cord_xml_set_error (error, CORD_ERROR_INVALID, filename, node,
                          _("\"%s\" is not an IPv4 address like 192.168.1.10"), value);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_device (LabReader  *r,
             xmlNode    *node,
             GError    **error)
{
  static const char * const attrs[] = { "name", "model", "x", "y", "power", "mac", NULL };
  static const char * const module_attrs[] = { "slot", "name", "mac", NULL };
  static const char * const ip_attrs[] = { "dhcp", "address", "mask", "gateway", "dns", NULL };
  g_autofree char *name = NULL;
  g_autofree char *model = NULL;
  g_autofree char *startup = NULL;
  g_autofree char *running = NULL;
  g_autofree char *vlans = NULL;
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) modules = g_array_new (FALSE, TRUE, sizeof (CordModuleState));
  CordDeviceState state = { 0 };
  const CordModelSpec *spec;
  GError *local = NULL;
  int last = -1;

  if (!cord_xml_check_attrs (node, attrs, r->filename, error) ||
      !cord_xml_check_children (node, r->filename, error))
    return FALSE;
  if ((name = cord_xml_require (node, "name", r->filename, error)) == NULL ||
      (model = cord_xml_require (node, "model", r->filename, error)) == NULL ||
      !read_double (node, "x", &state.x, r->filename, error) ||
      !read_double (node, "y", &state.y, r->filename, error) ||
      !read_power (node, &state.powered, r->filename, error) ||
      !read_mac (node, "mac", &state.mac_base, r->filename, error))
    return FALSE;

  spec = cord_catalog_lookup_model (cord_topology_get_catalog (r->topology), model);
  if (spec == NULL)
    {
      cord_xml_set_error (error, CORD_ERROR_UNKNOWN_MODEL, r->filename, node,
                          _("device “%s” has an unknown model “%s”"), name, model);
      return FALSE;
    }

  /* Children come in a fixed order, as the schema says: modules, then at
   * most one each of ip, startup-config and running-config. */
  for (xmlNode *c = cord_xml_first_element (node); c; c = cord_xml_next_element (c))
    {
      static const char * const order[] = { "module", "ip", "startup-config", "running-config",
                                            "vlan-database", NULL };
      int rank = -1;

      for (int i = 0; order[i] != NULL && rank < 0; i++)
        if (cord_xml_is (c, order[i]))
          rank = i;
      if (rank < 0 || rank < last || (rank > 0 && rank == last))
        {
          cord_xml_set_error (error, CORD_ERROR_INVALID, r->filename, c,
                              _("unexpected <%s> in <device>; a device holds "
                                "<module>s, then at most one each of <ip>, "
                                "<startup-config>, <running-config> and "
                                "<vlan-database>, in that order"),
                              (const char *) c->name);
          return FALSE;
        }
      last = rank;

      if (rank == 0)
        {
          CordModuleState m = { 0 };
          char *slot, *module;

          if (!cord_xml_check_attrs (c, module_attrs, r->filename, error) ||
              (slot = cord_xml_require (c, "slot", r->filename, error)) == NULL)
            return FALSE;
          g_ptr_array_add (strings, slot);
          if ((module = cord_xml_require (c, "name", r->filename, error)) == NULL)
            return FALSE;
          g_ptr_array_add (strings, module);
          if (!read_mac (c, "mac", &m.mac_base, r->filename, error))
            return FALSE;
          m.slot = slot;
          m.module = module;
          g_array_append_val (modules, m);
        }
      else if (rank == 1)
        {
          if (!cord_kind_is_host (spec->kind))
            {
              cord_xml_set_error (error, CORD_ERROR_INVALID, r->filename, c,
                                  _("<ip> belongs only to end devices, and %s (%s) "
                                    "is not one"), name, spec->name);
              return FALSE;
            }
          if (!cord_xml_check_attrs (c, ip_attrs, r->filename, error) ||
              !cord_xml_get_bool (c, "dhcp", FALSE, &state.host.dhcp, r->filename, error) ||
              !read_ipv4 (c, "address", &state.host.address, r->filename, error) ||
              !read_ipv4 (c, "mask", &state.host.mask, r->filename, error) ||
              !read_ipv4 (c, "gateway", &state.host.gateway, r->filename, error) ||
              !read_ipv4 (c, "dns", &state.host.dns, r->filename, error))
            return FALSE;
        }
      else
        {
          if (!cord_kind_has_ios (spec->kind))
            {
              cord_xml_set_error (error, CORD_ERROR_INVALID, r->filename, c,
                                  _("<%s> belongs only to routers and switches, and "
                                    "%s (%s) is neither"), (const char *) c->name, name,
                                  spec->name);
              return FALSE;
            }
          if (c->properties != NULL)
            {
              cord_xml_set_error (error, CORD_ERROR_INVALID, r->filename, c,
                                  _("<%s> takes no attributes"), (const char *) c->name);
              return FALSE;
            }
          for (xmlNode *t = c->children; t != NULL; t = t->next)
            if (t->type != XML_TEXT_NODE)
              {
                cord_xml_set_error (error, CORD_ERROR_INVALID, r->filename, t,
                                    _("<%s> holds plain text only"), (const char *) c->name);
                return FALSE;
              }
          if (rank == 4 && !cord_kind_has_vlans (spec->kind))
            {
              cord_xml_set_error (error, CORD_ERROR_INVALID, r->filename, c,
                                  _("<vlan-database> belongs only to switches, and "
                                    "%s (%s) is not one"), name, spec->name);
              return FALSE;
            }
          if (rank == 2)
            startup = cord_xml_text (c);
          else if (rank == 3)
            running = cord_xml_text (c);
          else
            vlans = cord_xml_text (c);
        }
    }

  state.name = name;
  state.model = model;
  state.modules = (CordModuleState *) (gpointer) modules->data;
  state.n_modules = modules->len;
  state.startup_config = startup;
  state.running_config = running;
  state.vlan_database = vlans;

  if (cord_topology_add_device_state (r->topology, &state, &local) == NULL)
    {
      cord_xml_set_error (error, local->code, r->filename, node, "%s", local->message);
      g_error_free (local);
      return FALSE;
    }
  return TRUE;
}

static CordPort *
read_end (LabReader  *r,
          xmlNode    *node,
          GError    **error)
{
  static const char * const attrs[] = { "device", "port", NULL };
  g_autofree char *device_name = NULL;
  g_autofree char *port_name = NULL;
  CordDevice *device;
  CordPort *port;

  if (!cord_xml_is (node, "end"))
    {
      cord_xml_set_error (error, CORD_ERROR_INVALID, r->filename, node,
                          _("unexpected <%s> in <link>; a link holds two <end> elements"),
                          (const char *) node->name);
      return NULL;
    }
  if (!cord_xml_check_attrs (node, attrs, r->filename, error) ||
      (device_name = cord_xml_require (node, "device", r->filename, error)) == NULL ||
      (port_name = cord_xml_require (node, "port", r->filename, error)) == NULL)
    return NULL;
  device = cord_topology_find_device (r->topology, device_name);
  if (device == NULL)
    {
      cord_xml_set_error (error, CORD_ERROR_UNKNOWN_DEVICE, r->filename, node,
                          _("the link names a device “%s” that the lab does not have"),
                          device_name);
      return NULL;
    }
  port = cord_device_find_port (device, port_name);
  if (port == NULL)
    {
      cord_xml_set_error (error, CORD_ERROR_UNKNOWN_PORT, r->filename, node,
                          _("%s (%s) has no port “%s”"), device_name,
                          device->model->name, port_name);
      return NULL;
    }
  return port;
}

static gboolean
read_link (LabReader  *r,
           xmlNode    *node,
           GError    **error)
{
  static const char * const attrs[] = { "cable", NULL };
  g_autofree char *cable_name = NULL;
  CordPort *ends[2] = { NULL, NULL };
  xmlNode *child;
  CordCable cable;
  GError *local = NULL;

  if (!cord_xml_check_attrs (node, attrs, r->filename, error) ||
      !cord_xml_check_children (node, r->filename, error) ||
      (cable_name = cord_xml_require (node, "cable", r->filename, error)) == NULL)
    return FALSE;
  if (!cord_cable_from_string (cable_name, &cable) || cable == CORD_CABLE_AUTO)
    {
      cord_xml_set_error (error, CORD_ERROR_INVALID, r->filename, node,
                          _("unknown cable “%s”; use straight, cross, fiber, "
                            "serial-dce, serial-dte or console"), cable_name);
      return FALSE;
    }
  child = cord_xml_first_element (node);
  for (guint i = 0; i < 2; i++, child = child ? cord_xml_next_element (child) : NULL)
    {
      if (child == NULL)
        {
          cord_xml_set_error (error, CORD_ERROR_INVALID, r->filename, node,
                              _("a link needs exactly two <end> elements"));
          return FALSE;
        }
      if ((ends[i] = read_end (r, child, error)) == NULL)
        return FALSE;
    }
  if (child != NULL)
    {
      cord_xml_set_error (error, CORD_ERROR_INVALID, r->filename, child,
                          _("a link needs exactly two <end> elements"));
      return FALSE;
    }
  if (cord_topology_connect (r->topology, ends[0], ends[1], cable, &local) == NULL)
    {
      cord_xml_set_error (error, local->code, r->filename, node, "%s", local->message);
      g_error_free (local);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_note (LabReader  *r,
           xmlNode    *node,
           GError    **error)
{
  static const char * const attrs[] = { "x", "y", NULL };
  g_autofree char *text = NULL;
  double x, y;
  GError *local = NULL;

  if (!cord_xml_check_attrs (node, attrs, r->filename, error) ||
      !read_double (node, "x", &x, r->filename, error) ||
      !read_double (node, "y", &y, r->filename, error))
    return FALSE;
  for (xmlNode *t = node->children; t != NULL; t = t->next)
    if (t->type != XML_TEXT_NODE)
      {
        cord_xml_set_error (error, CORD_ERROR_INVALID, r->filename, t,
                            _("<note> holds plain text only"));
        return FALSE;
      }
  text = cord_xml_text (node);
  if (cord_topology_add_note (r->topology, x, y, text, &local) == NULL)
    {
      cord_xml_set_error (error, local->code, r->filename, node, "%s", local->message);
      g_error_free (local);
      return FALSE;
    }
  return TRUE;
}

typedef struct {
  guint64     mac;
  CordDevice *device;
} MacOwner;

static int
compare_mac_owners (gconstpointer a,
                    gconstpointer b)
{
  guint64 x = ((const MacOwner *) a)->mac, y = ((const MacOwner *) b)->mac;

  return x < y ? -1 : x > y;
}

/* Two devices answering to one MAC would break every switch they meet;
 * a hand-edited or merged lab can do that, so say which two. */
static gboolean
check_unique_macs (CordTopology  *topology,
                   const char    *filename,
                   GError       **error)
{
  g_autoptr(GArray) owners = g_array_new (FALSE, FALSE, sizeof (MacOwner));

  for (guint i = 0; i < cord_topology_get_n_devices (topology); i++)
    {
      CordDevice *device = cord_topology_get_device (topology, i);
      MacOwner owner = { device->mac_base, device };
      gboolean base_is_port = FALSE;

      for (guint p = 0; p < device->ports->len; p++)
        {
          CordPort *port = device->ports->pdata[p];
          MacOwner o = { port->mac, device };

          if (port->mac == 0)
            continue;
          base_is_port |= port->mac == device->mac_base;
          g_array_append_val (owners, o);
        }
      if (!base_is_port)
        g_array_append_val (owners, owner);
    }
  g_array_sort (owners, compare_mac_owners);
  for (guint i = 1; i < owners->len; i++)
    {
      MacOwner *a = &g_array_index (owners, MacOwner, i - 1);
      MacOwner *b = &g_array_index (owners, MacOwner, i);

      if (a->mac == b->mac)
        {
          g_autofree char *text = cord_mac_format (a->mac);

          if (a->device == b->device)
            g_set_error (error, CORD_ERROR, CORD_ERROR_INVALID,
                         _("%s: %s uses MAC address %s twice; give its modules "
                           "other mac values"), filename, a->device->name, text);
          else
            g_set_error (error, CORD_ERROR, CORD_ERROR_INVALID,
                         _("%s: %s and %s both use MAC address %s; remove the mac "
                           "attribute of one of them to get a new address"),
                         filename, a->device->name, b->device->name, text);
          return FALSE;
        }
    }
  return TRUE;
}

CordTopology *
cord_lab_load_data (CordCatalog  *catalog,
                    const char   *data,
                    gsize         len,
                    const char   *filename,
                    GError      **error)
{
  g_autoptr(CordTopology) topology = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_autofree char *version = NULL;
  guint64 number;
  LabReader r;
  xmlNode *root;
  int stage = 0;

  g_return_val_if_fail (catalog != NULL, NULL);
  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (filename != NULL, NULL);

  if (len > CORD_LIMIT_LAB_BYTES)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_LIMIT,
                   _("%s: the file is %lu MiB; lab files may be at most %u MiB"),
                   filename, (unsigned long) (len >> 20), CORD_LIMIT_LAB_BYTES >> 20);
      return NULL;
    }
  doc = cord_xml_read (data, len, filename, error);
  if (doc == NULL)
    return NULL;

  root = xmlDocGetRootElement (doc);
  if (cord_xml_is (root, "patchcord-lab") && root->ns != NULL)
    {
      cord_xml_set_error (error, CORD_ERROR_INVALID, filename, root,
                          _("<patchcord-lab> must not be in an XML namespace; "
                            "remove its xmlns attribute"));
      return NULL;
    }
  if (!cord_xml_is (root, "patchcord-lab"))
    {
      cord_xml_set_error (error, CORD_ERROR_INVALID, filename, root,
                          _("this is not a Patchcord lab: the root element is <%s>, "
                            "not <patchcord-lab>"), root != NULL ? (const char *) root->name : "");
      return NULL;
    }
  version = cord_xml_require (root, "version", filename, error);
  if (version == NULL)
    return NULL;
  if (!g_ascii_string_to_unsigned (version, 10, 1, G_MAXUINT, &number, NULL))
    {
      cord_xml_set_error (error, CORD_ERROR_INVALID, filename, root,
                          _("the format version “%s” is not a positive whole number"), version);
      return NULL;
    }
  if (number > CORD_LAB_FORMAT_VERSION)
    {
      cord_xml_set_error (error, CORD_ERROR_VERSION, filename, root,
                          _("this lab was saved in format version %s by a newer "
                            "Patchcord; this version reads format %d. Update "
                            "Patchcord to open it."), version, CORD_LAB_FORMAT_VERSION);
      return NULL;
    }
  {
    static const char * const attrs[] = { "version", NULL };

    if (!cord_xml_check_attrs (root, attrs, filename, error) ||
        !cord_xml_check_children (root, filename, error))
      return NULL;
  }

  topology = cord_topology_new (catalog);
  _cord_topology_set_recording (topology, FALSE);
  r.topology = topology;
  r.filename = filename;

  for (xmlNode *c = cord_xml_first_element (root); c; c = cord_xml_next_element (c))
    {
      gboolean ok;

      if (cord_xml_is (c, "device") && stage == 0)
        ok = read_device (&r, c, error);
      else if (cord_xml_is (c, "link") && stage <= 1)
        {
          ok = read_link (&r, c, error);
          stage = 1;
        }
      else if (cord_xml_is (c, "note"))
        {
          ok = read_note (&r, c, error);
          stage = 2;
        }
      else
        {
          cord_xml_set_error (error, CORD_ERROR_INVALID, filename, c,
                              _("unexpected <%s>; a lab lists its <device>s, then "
                                "its <link>s, then its <note>s"), (const char *) c->name);
          ok = FALSE;
        }
      if (!ok)
        return NULL;
    }

  if (!check_unique_macs (topology, filename, error))
    return NULL;
  _cord_topology_set_recording (topology, TRUE);
  cord_topology_clear_history (topology);
  cord_topology_mark_saved (topology);
  return g_steal_pointer (&topology);
}

CordTopology *
cord_lab_load_file (CordCatalog  *catalog,
                    const char   *path,
                    GError      **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  GStatBuf st;

  g_return_val_if_fail (catalog != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  /* Check the size first, so a huge file is never read into memory. */
  if (g_stat (path, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot open %s: %s"), path, g_strerror (saved));
      return NULL;
    }
  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("Cannot open %s: it is a folder, not a lab file"), path);
      return NULL;
    }
  if ((guint64) st.st_size > CORD_LIMIT_LAB_BYTES)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_LIMIT,
                   _("%s: the file is %lu MiB; lab files may be at most %u MiB"),
                   path, (unsigned long) ((guint64) st.st_size >> 20),
                   CORD_LIMIT_LAB_BYTES >> 20);
      return NULL;
    }
  mapped = g_mapped_file_new (path, FALSE, error);
  if (mapped == NULL)
    return NULL;
  return cord_lab_load_data (catalog, g_mapped_file_get_contents (mapped),
                             g_mapped_file_get_length (mapped), path, error);
}

/* Writing. */

static void
append_escaped (GString    *out,
                const char *text,
                gboolean    attribute)
{
  const char *run = text;

  for (const char *p = text; *p; p++)
    {
      const char *entity;

      switch (*p)
        {
        case '&':  entity = "&amp;"; break;
        case '<':  entity = "&lt;"; break;
        case '>':  entity = "&gt;"; break;
        case '"':  entity = attribute ? "&quot;" : NULL; break;
        /* A literal CR would be read back as LF; tabs and newlines in
         * attributes would be read back as spaces. */
        case '\r': entity = "&#13;"; break;
        case '\n': entity = attribute ? "&#10;" : NULL; break;
        case '\t': entity = attribute ? "&#9;" : NULL; break;
        default:   entity = NULL; break;
        }
      if (entity != NULL)
        {
          g_string_append_len (out, run, p - run);
          g_string_append (out, entity);
          run = p + 1;
        }
    }
  g_string_append (out, run);
}

static void
append_attr (GString    *out,
             const char *name,
             const char *value)
{
  g_string_append_c (out, ' ');
  g_string_append (out, name);
  g_string_append (out, "=\"");
  append_escaped (out, value, TRUE);
  g_string_append_c (out, '"');
}

static void
append_double_attr (GString    *out,
                    const char *name,
                    double      value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  /* 15 significant digits survive a text round trip exactly (DBL_DIG), so
   * a loaded lab saves back to the same bytes. */
  g_ascii_formatd (buf, sizeof buf, "%.15g", value);
  append_attr (out, name, buf);
}

static void
append_mac_attr (GString    *out,
                 const char *name,
                 guint64     mac)
{
  g_autofree char *text = cord_mac_format (mac);

  append_attr (out, name, text);
}

static void
append_ipv4_attr (GString    *out,
                  const char *name,
                  guint32     addr)
{
  char buf[CORD_FRAME_IPV4_STRLEN];

  if (addr != 0)
    append_attr (out, name, cord_frame_ipv4_to_string (addr, buf));
}

static void
append_text_element (GString    *out,
                     const char *name,
                     const char *text)
{
  g_string_append_printf (out, "    <%s>", name);
  append_escaped (out, text, FALSE);
  g_string_append_printf (out, "</%s>\n", name);
}

static void
append_device (GString    *out,
               CordDevice *device)
{
  g_string_append (out, "  <device");
  append_attr (out, "name", device->name);
  append_attr (out, "model", device->model->name);
  append_double_attr (out, "x", device->x);
  append_double_attr (out, "y", device->y);
  append_attr (out, "power", device->powered ? "on" : "off");
  append_mac_attr (out, "mac", device->mac_base);
  if (device->modules->len == 0 && !cord_kind_is_host (device->model->kind) &&
      device->startup_config == NULL && device->running_config == NULL &&
      device->vlan_database == NULL)
    {
      g_string_append (out, "/>\n");
      return;
    }
  g_string_append (out, ">\n");

  for (guint i = 0; i < device->modules->len; i++)
    {
      const CordInstalledModule *m = &g_array_index (device->modules, CordInstalledModule, i);

      g_string_append (out, "    <module");
      append_attr (out, "slot", m->slot);
      append_attr (out, "name", m->module->name);
      if (m->mac_base != 0)
        append_mac_attr (out, "mac", m->mac_base);
      g_string_append (out, "/>\n");
    }
  if (cord_kind_is_host (device->model->kind))
    {
      g_string_append (out, "    <ip");
      append_attr (out, "dhcp", device->host.dhcp ? "yes" : "no");
      append_ipv4_attr (out, "address", device->host.address);
      append_ipv4_attr (out, "mask", device->host.mask);
      append_ipv4_attr (out, "gateway", device->host.gateway);
      append_ipv4_attr (out, "dns", device->host.dns);
      g_string_append (out, "/>\n");
    }
  if (device->startup_config != NULL)
    append_text_element (out, "startup-config", device->startup_config);
  if (device->running_config != NULL)
    append_text_element (out, "running-config", device->running_config);
  if (device->vlan_database != NULL)
    append_text_element (out, "vlan-database", device->vlan_database);
  g_string_append (out, "  </device>\n");
}

GBytes *
cord_lab_to_bytes (CordTopology *topology)
{
  GString *out;
  guint n;

  g_return_val_if_fail (CORD_IS_TOPOLOGY (topology), NULL);

  n = cord_topology_get_n_devices (topology);
  /* Roughly what a device with a short config and a cable take. */
  out = g_string_sized_new (256 + n * 600 + cord_topology_get_n_links (topology) * 160);
  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_string_append_printf (out, "<patchcord-lab version=\"%d\">\n", CORD_LAB_FORMAT_VERSION);

  for (guint i = 0; i < n; i++)
    append_device (out, cord_topology_get_device (topology, i));

  for (guint i = 0; i < cord_topology_get_n_links (topology); i++)
    {
      CordLink *link = cord_topology_get_link (topology, i);

      g_string_append (out, "  <link");
      append_attr (out, "cable", cord_cable_to_string (link->cable));
      g_string_append (out, ">\n");
      for (guint e = 0; e < 2; e++)
        {
          g_string_append (out, "    <end");
          append_attr (out, "device", link->ends[e]->device->name);
          append_attr (out, "port", link->ends[e]->name);
          g_string_append (out, "/>\n");
        }
      g_string_append (out, "  </link>\n");
    }

  for (guint i = 0; i < cord_topology_get_n_notes (topology); i++)
    {
      CordNote *note = cord_topology_get_note (topology, i);

      g_string_append (out, "  <note");
      append_double_attr (out, "x", note->x);
      append_double_attr (out, "y", note->y);
      g_string_append_c (out, '>');
      append_escaped (out, note->text, FALSE);
      g_string_append (out, "</note>\n");
    }

  g_string_append (out, "</patchcord-lab>\n");
  return g_string_free_to_bytes (out);
}

static void
set_save_error (GError     **error,
                int          saved_errno,
                const char  *path)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Cannot save %s: %s. The previous file was left as it was."),
               path, g_strerror (saved_errno));
}

static CordSaveHook save_hook;
static gpointer save_hook_data;

void
_cord_lab_set_save_hook (CordSaveHook hook,
                         gpointer     data)
{
  save_hook = hook;
  save_hook_data = data;
}

/* Runs the test hook before @step: 0 to go on, or the errno (also stored
 * in errno) the step is to fail with. */
static int
save_step (CordSaveStep step)
{
  int injected = save_hook != NULL ? save_hook (step, save_hook_data) : 0;

  if (injected != 0)
    errno = injected;
  return injected;
}

gboolean
cord_lab_write_atomic (const char  *path,
                       GBytes      *bytes,
                       GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  const guint8 *data;
  gsize len, done = 0;
  GStatBuf old;
  int fd, dirfd, injected;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  /* Same folder, so the rename cannot cross file systems; the leading dot
   * keeps it out of file managers. */
  tmp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  fd = save_step (CORD_SAVE_STEP_CREATE) == 0
       ? g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0644) : -1;
  if (fd < 0)
    {
      set_save_error (error, errno, path);
      return FALSE;
    }
  /* Keep the permissions of the file being replaced. */
  if (g_stat (path, &old) == 0)
    (void) fchmod (fd, old.st_mode & 07777);

  data = g_bytes_get_data (bytes, &len);
  while (done < len)
    {
      ssize_t n = save_step (CORD_SAVE_STEP_WRITE) == 0
                  ? write (fd, data + done, len - done) : -1;

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved = n < 0 ? errno : ENOSPC;

          close (fd);
          g_unlink (tmp);
          set_save_error (error, saved, path);
          return FALSE;
        }
      done += (gsize) n;
    }
  if (save_step (CORD_SAVE_STEP_FSYNC) != 0 || fsync (fd) != 0)
    {
      int saved = errno;

      close (fd);
      g_unlink (tmp);
      set_save_error (error, saved, path);
      return FALSE;
    }
  injected = save_step (CORD_SAVE_STEP_CLOSE);
  if (close (fd) != 0 || injected != 0)
    {
      int saved = injected != 0 ? injected : errno;

      g_unlink (tmp);
      set_save_error (error, saved, path);
      return FALSE;
    }
  if (save_step (CORD_SAVE_STEP_RENAME) != 0 || g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      set_save_error (error, saved, path);
      return FALSE;
    }
  /* Make the rename itself durable. */
  dirfd = save_step (CORD_SAVE_STEP_SYNC_DIR) == 0
          ? open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1;
  if (dirfd >= 0)
    {
      (void) fsync (dirfd);
      close (dirfd);
    }
  return TRUE;
}

gboolean
cord_lab_save_file (CordTopology  *topology,
                    const char    *path,
                    GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (CORD_IS_TOPOLOGY (topology), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  bytes = cord_lab_to_bytes (topology);
  if (!cord_lab_write_atomic (path, bytes, error))
    return FALSE;
  cord_topology_mark_saved (topology);
  return TRUE;
}
