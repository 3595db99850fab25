/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The topology model: devices, ports, links and notes, and how devices are built from the catalog. */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "cord-error.h"
#include "cord-limits.h"
#include "frame.h"
#include "topology-private.h"

G_DEFINE_FINAL_TYPE (CordTopology, cord_topology, G_TYPE_OBJECT)

guint _cord_topology_signals[N_SIGNALS];

static void
cord_topology_finalize (GObject *object)
{
  CordTopology *self = CORD_TOPOLOGY (object);

  /* Links first: destroying a device assumes its ports are free. From the
   * end, so that each removal is O(1). */
  while (self->links->len > 0)
    _cord_topology_destroy_link (self, self->links->pdata[self->links->len - 1],
                                 self->links->len - 1);
  while (self->devices->len > 0)
    _cord_topology_destroy_device (self, self->devices->pdata[self->devices->len - 1],
                                   self->devices->len - 1);
  for (guint i = 0; i < self->notes->len; i++)
    {
      CordNote *note = self->notes->pdata[i];
      g_free (note->text);
      g_free (note);
    }
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_clear_pointer (&self->links, g_ptr_array_unref);
  g_clear_pointer (&self->devices, g_ptr_array_unref);
  g_clear_pointer (&self->device_by_name, g_hash_table_unref);
  g_clear_pointer (&self->device_by_id, g_hash_table_unref);
  g_clear_pointer (&self->link_by_id, g_hash_table_unref);
  g_clear_pointer (&self->name_hints, g_hash_table_unref);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_pointer (&self->open_group, _cord_history_group_free);

  G_OBJECT_CLASS (cord_topology_parent_class)->finalize (object);
}

static void
cord_topology_class_init (CordTopologyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cord_topology_finalize;

  /* Each carries the object concerned as a plain pointer. "-removed" is
   * emitted while the object is still intact, just before it goes. */
  _cord_topology_signals[SIGNAL_DEVICE_ADDED] =
    g_signal_new ("device-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
  _cord_topology_signals[SIGNAL_DEVICE_REMOVED] =
    g_signal_new ("device-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
  /* The second argument is a CordDeviceChange mask. */
  _cord_topology_signals[SIGNAL_DEVICE_CHANGED] =
    g_signal_new ("device-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_POINTER, G_TYPE_UINT);
  _cord_topology_signals[SIGNAL_LINK_ADDED] =
    g_signal_new ("link-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
  _cord_topology_signals[SIGNAL_LINK_REMOVED] =
    g_signal_new ("link-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
  _cord_topology_signals[SIGNAL_LINK_CHANGED] =
    g_signal_new ("link-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
  _cord_topology_signals[SIGNAL_NOTE_ADDED] =
    g_signal_new ("note-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
  _cord_topology_signals[SIGNAL_NOTE_REMOVED] =
    g_signal_new ("note-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
  _cord_topology_signals[SIGNAL_NOTE_CHANGED] =
    g_signal_new ("note-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
  /* A module brought a port, or is about to take one away (emitted
   * while the port is intact). Ports of a device being added or removed
   * come and go with device-added and device-removed instead. */
  _cord_topology_signals[SIGNAL_PORT_ADDED] =
    g_signal_new ("port-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
  _cord_topology_signals[SIGNAL_PORT_REMOVED] =
    g_signal_new ("port-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
  /* Undo, redo or the modified state changed. */
  _cord_topology_signals[SIGNAL_HISTORY_CHANGED] =
    g_signal_new ("history-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cord_topology_init (CordTopology *self)
{
  self->devices = g_ptr_array_new ();
  self->device_by_name = g_hash_table_new (g_str_hash, g_str_equal);
  self->device_by_id = g_hash_table_new (NULL, NULL);
  self->links = g_ptr_array_new ();
  self->link_by_id = g_hash_table_new (NULL, NULL);
  self->notes = g_ptr_array_new ();
  self->name_hints = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) _cord_history_group_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) _cord_history_group_free);
  self->next_device_id = 1;
  self->next_link_id = 1;
  self->next_note_id = 1;
  self->next_mac = CORD_MAC_OUI + 1;
  self->next_serial = 1;
  self->recording = TRUE;
}

CordTopology *
cord_topology_new (CordCatalog *catalog)
{
  CordTopology *self;

  g_return_val_if_fail (catalog != NULL, NULL);

  self = g_object_new (CORD_TYPE_TOPOLOGY, NULL);
  self->catalog = catalog;
  return self;
}

CordCatalog *
cord_topology_get_catalog (CordTopology *self)
{
  g_return_val_if_fail (CORD_IS_TOPOLOGY (self), NULL);
  return self->catalog;
}

guint
cord_topology_get_n_devices (CordTopology *self)
{
  g_return_val_if_fail (CORD_IS_TOPOLOGY (self), 0);
  return self->devices->len;
}

CordDevice *
cord_topology_get_device (CordTopology *self,
                          guint         index)
{
  g_return_val_if_fail (CORD_IS_TOPOLOGY (self), NULL);
  g_return_val_if_fail (index < self->devices->len, NULL);
  return self->devices->pdata[index];
}

CordDevice *
cord_topology_find_device (CordTopology *self,
                           const char   *name)
{
  g_return_val_if_fail (CORD_IS_TOPOLOGY (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  return g_hash_table_lookup (self->device_by_name, name);
}

CordDevice *
cord_topology_lookup_device (CordTopology *self,
                             guint         id)
{
  g_return_val_if_fail (CORD_IS_TOPOLOGY (self), NULL);
  return g_hash_table_lookup (self->device_by_id, GUINT_TO_POINTER (id));
}

guint
cord_topology_get_n_links (CordTopology *self)
{
  g_return_val_if_fail (CORD_IS_TOPOLOGY (self), 0);
  return self->links->len;
}

CordLink *
cord_topology_get_link (CordTopology *self,
                        guint         index)
{
  g_return_val_if_fail (CORD_IS_TOPOLOGY (self), NULL);
  g_return_val_if_fail (index < self->links->len, NULL);
  return self->links->pdata[index];
}

guint
cord_topology_get_n_notes (CordTopology *self)
{
  g_return_val_if_fail (CORD_IS_TOPOLOGY (self), 0);
  return self->notes->len;
}

CordNote *
cord_topology_get_note (CordTopology *self,
                        guint         index)
{
  g_return_val_if_fail (CORD_IS_TOPOLOGY (self), NULL);
  g_return_val_if_fail (index < self->notes->len, NULL);
  return self->notes->pdata[index];
}

char *
cord_topology_next_name (CordTopology        *self,
                         const CordModelSpec *model)
{
  guint index;

  g_return_val_if_fail (CORD_IS_TOPOLOGY (self), NULL);
  g_return_val_if_fail (model != NULL, NULL);

  /* Packet Tracer names devices Router0, Router1, ...: take the lowest free
   * number. The hint is a number below which none is free, so adding
   * thousands of devices stays linear; asking does not use the name up. */
  index = GPOINTER_TO_UINT (g_hash_table_lookup (self->name_hints, model->prefix));
  for (;; index++)
    {
      char *name = g_strdup_printf ("%s%u", model->prefix, index);

      if (!g_hash_table_contains (self->device_by_name, name))
        {
          g_hash_table_replace (self->name_hints, g_strdup (model->prefix),
                                GUINT_TO_POINTER (index));
          return name;
        }
      g_free (name);
    }
}

void
_cord_topology_name_freed (CordTopology *self,
                           const char   *name)
{
  GHashTableIter iter;
  gpointer key, value;

  g_assert (CORD_IS_TOPOLOGY (self));

  /* "Router3" going away makes 3 the lowest free number again. */
  g_hash_table_iter_init (&iter, self->name_hints);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *digits;
      guint64 number;

      if (!g_str_has_prefix (name, key))
        continue;
      digits = name + strlen (key);
      if (*digits == '\0' || (*digits == '0' && digits[1] != '\0') ||
          !g_ascii_string_to_unsigned (digits, 10, 0, G_MAXUINT, &number, NULL))
        continue;
      if (number < GPOINTER_TO_UINT (value))
        g_hash_table_iter_replace (&iter, GUINT_TO_POINTER ((guint) number));
    }
}

gboolean
cord_name_is_valid (const char  *name,
                    GError     **error)
{
  g_return_val_if_fail (name != NULL, FALSE);

  if (*name == '\0')
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_INVALID, _("A device name cannot be empty"));
      return FALSE;
    }
  if (!g_utf8_validate (name, -1, NULL))
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_INVALID, _("A device name must be valid UTF-8 text"));
      return FALSE;
    }
  if (g_utf8_strlen (name, -1) > CORD_LIMIT_NAME_CHARS)
    {
      g_autofree char *start = g_utf8_substring (name, 0, 20);

      g_set_error (error, CORD_ERROR, CORD_ERROR_LIMIT,
                   _("The name “%s…” is too long; use at most %u characters"),
                   start, CORD_LIMIT_NAME_CHARS);
      return FALSE;
    }
  for (const char *p = name; *p; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      {
        g_set_error (error, CORD_ERROR, CORD_ERROR_INVALID,
                     _("A device name cannot contain control characters"));
        return FALSE;
      }
  if (g_ascii_isspace (name[0]) || g_ascii_isspace (name[strlen (name) - 1]))
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_INVALID,
                   _("The name “%s” starts or ends with a space; remove it"), name);
      return FALSE;
    }
  return TRUE;
}

gboolean
_cord_check_position (double   x,
                      double   y,
                      GError **error)
{
  if (!isfinite (x) || !isfinite (y) ||
      fabs (x) > CORD_LIMIT_COORD || fabs (y) > CORD_LIMIT_COORD)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_LIMIT,
                   _("The position (%g, %g) is off the workspace; coordinates "
                     "must lie between -%g and %g"), x, y,
                   CORD_LIMIT_COORD, CORD_LIMIT_COORD);
      return FALSE;
    }
  return TRUE;
}

gboolean
_cord_check_text (const char  *text,
                  gsize        limit,
                  const char  *what,
                  GError     **error)
{
  gsize len;

  if (text == NULL)
    return TRUE;
  len = strlen (text);
  if (len > limit)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_LIMIT,
                   _("The %s is %lu bytes long; the limit is %lu bytes"),
                   what, (unsigned long) len, (unsigned long) limit);
      return FALSE;
    }
  if (!g_utf8_validate (text, len, NULL))
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_INVALID,
                   _("The %s is not valid UTF-8 text"), what);
      return FALSE;
    }
  return TRUE;
}

/* Ports that carry frames get a MAC; console and serial ports do not. */
static gboolean
medium_has_mac (CordMedium medium)
{
  return medium == CORD_MEDIUM_COPPER || medium == CORD_MEDIUM_FIBER ||
         medium == CORD_MEDIUM_WIRELESS;
}

gboolean
cord_port_has_mac (const CordPort *port)
{
  g_return_val_if_fail (port != NULL, FALSE);
  return port->mac != 0;
}

void
cord_mac_to_bytes (guint64 mac,
                   guint8  bytes[6])
{
  for (int i = 5; i >= 0; i--, mac >>= 8)
    bytes[i] = mac & 0xff;
}

char *
cord_mac_format (guint64 mac)
{
  char buf[CORD_FRAME_MAC_STRLEN];
  CordMac bytes;

  cord_mac_to_bytes (mac, bytes.b);
  /* IOS's dotted form, as `show interfaces` prints it. */
  return g_strdup (cord_frame_mac_to_ios (&bytes, buf));
}

gboolean
cord_mac_parse (const char *str,
                guint64    *mac)
{
  CordMac bytes;

  g_return_val_if_fail (str != NULL, FALSE);
  g_return_val_if_fail (mac != NULL, FALSE);

  /* Lab files, like IOS, use only the dotted form. */
  if (strlen (str) != 14 || !cord_frame_mac_parse (str, &bytes))
    return FALSE;
  *mac = 0;
  for (guint i = 0; i < 6; i++)
    *mac = (*mac << 8) | bytes.b[i];
  return TRUE;
}

static guint
count_mac_ports (const CordModulePorts *ports,
                 guint                  n)
{
  guint count = 0;

  for (guint i = 0; i < n; i++)
    if (medium_has_mac (ports[i].medium))
      count += ports[i].count;
  return count;
}

/* A block of @count MACs from @base is usable when every address in it is
 * a 48-bit unicast address: the group bit (the lowest bit of the first
 * octet) is clear all the way through. */
static gboolean
mac_block_ok (guint64 base,
              guint   count)
{
  guint64 last = base + MAX (count, 1) - 1;

  return base != 0 && last < (G_GUINT64_CONSTANT (1) << 48) &&
         (base >> 40) == (last >> 40) && ((base >> 40) & 1) == 0;
}

/* Checks the block a lab file or an undo step gives, or that the next free
 * one is still usable. */
static gboolean
check_macs (CordTopology  *self,
            guint64        wanted,
            guint          count,
            GError       **error)
{
  g_autofree char *text = NULL;

  if (count == 0)
    return TRUE;
  if (mac_block_ok (wanted != 0 ? wanted : self->next_mac, count))
    return TRUE;
  if (wanted == 0)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_LIMIT,
                   _("The lab has used up its MAC addresses"));
      return FALSE;
    }
  text = cord_mac_format (wanted);
  g_set_error (error, CORD_ERROR, CORD_ERROR_INVALID,
               _("The MAC addresses from %s on are not all unicast, or run past "
                 "ffff.ffff.ffff; remove the mac attribute to get new ones"), text);
  return FALSE;
}

/* Hands out @count consecutive MACs, or takes the block a lab file or an
 * undo step gives as @wanted; check_macs() has vetted it. */
static guint64
allocate_macs (CordTopology *self,
               guint64       wanted,
               guint         count)
{
  guint64 base = wanted != 0 ? wanted : self->next_mac;

  g_assert (CORD_IS_TOPOLOGY (self));
  if (count == 0)
    return 0;
  g_assert (mac_block_ok (base, count));
  /* Stay past every block in use; a block near the top of the space
   * must not push fresh allocations beyond 48 bits. */
  if (base + count > self->next_mac && mac_block_ok (base + count, 1))
    self->next_mac = base + count;
  return base;
}

static CordPort *
port_new (CordDevice *device,
          char       *name,
          const char *type,
          CordMedium  medium,
          gboolean    switchport)
{
  CordPort *port = g_new0 (CordPort, 1);

  g_assert (device != NULL);
  port->device = device;
  port->name = name;
  port->type = g_intern_string (type);
  port->medium = medium;
  port->switchport = switchport;
  /* Switches and hubs are wired MDI-X; a router's EtherSwitch module
   * ports are switch ports and so MDI-X too. */
  port->mdix = device->model->mdix || switchport;
  return port;
}

static void
port_free (CordPort *port)
{
  g_free (port->name);
  g_free (port);
}

CordPort *
cord_device_find_port (CordDevice *device,
                       const char *name)
{
  g_return_val_if_fail (device != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < device->ports->len; i++)
    {
      CordPort *port = device->ports->pdata[i];

      if (strcmp (port->name, name) == 0)
        return port;
    }
  return NULL;
}

const CordInstalledModule *
cord_device_get_module (CordDevice *device,
                        const char *slot)
{
  g_return_val_if_fail (device != NULL, NULL);
  g_return_val_if_fail (slot != NULL, NULL);

  for (guint i = 0; i < device->modules->len; i++)
    {
      const CordInstalledModule *m = &g_array_index (device->modules, CordInstalledModule, i);

      if (strcmp (m->slot, slot) == 0)
        return m;
    }
  return NULL;
}

GPtrArray *
cord_device_list_slots (CordDevice *device)
{
  GPtrArray *slots;

  g_return_val_if_fail (device != NULL, NULL);

  slots = g_ptr_array_new ();
  for (guint i = 0; i < device->model->n_slots; i++)
    g_ptr_array_add (slots, (gpointer) &device->model->slots[i]);
  for (guint i = 0; i < device->modules->len; i++)
    {
      const CordInstalledModule *m = &g_array_index (device->modules, CordInstalledModule, i);

      for (guint s = 0; s < m->module->n_slots; s++)
        g_ptr_array_add (slots, (gpointer) &m->module->slots[s]);
    }
  return slots;
}

static guint
slot_rank (CordDevice *device,
           const char *slot)
{
  g_autoptr(GPtrArray) slots = cord_device_list_slots (device);

  for (guint i = 0; i < slots->len; i++)
    if (strcmp (((CordSlotSpec *) slots->pdata[i])->id, slot) == 0)
      return i;
  return G_MAXUINT;
}

/* Whether observers know the device: not while it is being built, nor
 * while it is being torn down. */
static gboolean
device_is_registered (CordDevice *device)
{
  return g_hash_table_lookup (device->topology->device_by_id,
                              GUINT_TO_POINTER (device->id)) == device;
}

/* Puts ports in a stable order: built-ins, then each slot's ports in the
 * order the slots are listed, whatever the order modules went in. */
static void
device_reorder_ports (CordDevice *device)
{
  g_autoptr(GPtrArray) ordered = g_ptr_array_sized_new (device->ports->len);

  for (guint i = 0; i < device->ports->len; i++)
    if (((CordPort *) device->ports->pdata[i])->slot == NULL)
      g_ptr_array_add (ordered, device->ports->pdata[i]);
  for (guint m = 0; m < device->modules->len; m++)
    {
      const char *slot = g_array_index (device->modules, CordInstalledModule, m).slot;

      for (guint i = 0; i < device->ports->len; i++)
        {
          CordPort *port = device->ports->pdata[i];

          if (port->slot == slot)
            g_ptr_array_add (ordered, port);
        }
    }
  g_assert (ordered->len == device->ports->len);
  for (guint i = 0; i < ordered->len; i++)
    {
      device->ports->pdata[i] = ordered->pdata[i];
      ((CordPort *) ordered->pdata[i])->index = i;
    }
}

gboolean
_cord_device_insert_module (CordDevice  *device,
                            const char  *slot,
                            const char  *module,
                            guint64      mac_base,
                            GError     **error)
{
  CordTopology *self = device->topology;
  const CordModuleSpec *spec;
  const CordSlotSpec *slot_spec = NULL;
  g_autoptr(GPtrArray) slots = NULL;
  CordInstalledModule installed = { 0 };
  guint rank, pos, mac_index = 0;

  g_assert (device != NULL);

  spec = cord_catalog_lookup_module (self->catalog, module);
  if (spec == NULL)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_UNKNOWN_MODULE,
                   _("There is no module called “%s”"), module);
      return FALSE;
    }
  slots = cord_device_list_slots (device);
  for (guint i = 0; i < slots->len && slot_spec == NULL; i++)
    if (strcmp (((CordSlotSpec *) slots->pdata[i])->id, slot) == 0)
      slot_spec = slots->pdata[i];
  if (slot_spec == NULL)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_SLOT,
                   _("%s (%s) has no slot “%s”"), device->name,
                   device->model->name, slot);
      return FALSE;
    }
  if (cord_device_get_module (device, slot) != NULL)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_SLOT,
                   _("Slot %s of %s already holds %s; remove it first"), slot,
                   device->name, cord_device_get_module (device, slot)->module->name);
      return FALSE;
    }
  if (!cord_slot_accepts (slot_spec, spec))
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_SLOT,
                   _("%s does not fit slot %s of a %s"), spec->name, slot,
                   device->model->name);
      return FALSE;
    }

  if (!check_macs (self, mac_base, count_mac_ports (spec->ports, spec->n_ports), error))
    return FALSE;
  installed.slot = g_strdup (slot);
  installed.module = spec;
  installed.spec = slot_spec;
  installed.mac_base = allocate_macs (self, mac_base, count_mac_ports (spec->ports, spec->n_ports));

  /* Keep modules in slot order so that ports and files come out stable. */
  rank = slot_rank (device, slot);
  for (pos = 0; pos < device->modules->len; pos++)
    if (slot_rank (device, g_array_index (device->modules, CordInstalledModule, pos).slot) > rank)
      break;
  g_array_insert_val (device->modules, pos, installed);

  for (guint p = 0; p < spec->n_ports; p++)
    for (guint n = 0; n < spec->ports[p].count; n++)
      {
        guint index = 0;
        CordPort *port;

        /* {n} counts the module's ports of one type. */
        for (guint q = 0; q < p; q++)
          if (spec->ports[q].type == spec->ports[p].type)
            index += spec->ports[q].count;
        port = port_new (device,
                         cord_slot_port_name (slot_spec, spec->ports[p].type, index + n),
                         spec->ports[p].type, spec->ports[p].medium,
                         spec->ports[p].switchport);
        port->slot = installed.slot;
        if (medium_has_mac (port->medium))
          port->mac = installed.mac_base + mac_index++;
        g_ptr_array_add (device->ports, port);
      }
  device_reorder_ports (device);
  if (device_is_registered (device))
    for (guint i = 0; i < device->ports->len; i++)
      {
        CordPort *port = device->ports->pdata[i];

        if (port->slot == installed.slot)
          g_signal_emit (self, _cord_topology_signals[SIGNAL_PORT_ADDED], 0, port);
      }
  return TRUE;
}

void
_cord_device_remove_module (CordDevice *device,
                            const char *slot)
{
  guint m;

  g_assert (device != NULL);

  for (m = 0; m < device->modules->len; m++)
    if (strcmp (g_array_index (device->modules, CordInstalledModule, m).slot, slot) == 0)
      break;
  g_assert (m < device->modules->len);

  {
    CordInstalledModule *installed = &g_array_index (device->modules, CordInstalledModule, m);

    for (guint i = device->ports->len; i-- > 0;)
      {
        CordPort *port = device->ports->pdata[i];

        if (port->slot == installed->slot)
          {
            g_assert (port->link == NULL);
            if (device_is_registered (device))
              g_signal_emit (device->topology, _cord_topology_signals[SIGNAL_PORT_REMOVED], 0, port);
            g_ptr_array_remove_index (device->ports, i);
            port_free (port);
          }
      }
    g_free (installed->slot);
  }
  g_array_remove_index (device->modules, m);
  device_reorder_ports (device);
}

CordDevice *
_cord_topology_build_device (CordTopology           *self,
                             const CordDeviceState  *state,
                             guint                   index,
                             GError                **error)
{
  const CordModelSpec *model;
  g_autofree char *name = NULL;
  CordDevice *device;
  guint mac_ports = 0, mac_index = 0;

  g_assert (CORD_IS_TOPOLOGY (self));
  g_assert (state != NULL);

  if (self->devices->len >= CORD_LIMIT_DEVICES)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_LIMIT,
                   _("A lab can hold at most %u devices"), CORD_LIMIT_DEVICES);
      return NULL;
    }
  model = state->model != NULL ? cord_catalog_lookup_model (self->catalog, state->model) : NULL;
  if (model == NULL)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_UNKNOWN_MODEL,
                   _("There is no device model called “%s”"),
                   state->model != NULL ? state->model : "");
      return NULL;
    }
  name = state->name != NULL ? g_strdup (state->name) : cord_topology_next_name (self, model);
  if (!cord_name_is_valid (name, error))
    return NULL;
  if (g_hash_table_contains (self->device_by_name, name))
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_EXISTS,
                   _("A device called “%s” already exists; choose another name"), name);
      return NULL;
    }
  if (state->id != 0 && g_hash_table_contains (self->device_by_id, GUINT_TO_POINTER (state->id)))
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_EXISTS, _("Device id %u is taken"), state->id);
      return NULL;
    }
  if (!_cord_check_position (state->x, state->y, error) ||
      !_cord_check_text (state->startup_config, CORD_LIMIT_CONFIG_BYTES, _("startup-config"), error) ||
      !_cord_check_text (state->running_config, CORD_LIMIT_CONFIG_BYTES, _("running-config"), error) ||
      !_cord_check_text (state->vlan_database, CORD_LIMIT_CONFIG_BYTES, _("VLAN database"), error))
    return NULL;

  for (guint i = 0; i < model->n_ports; i++)
    if (medium_has_mac (model->ports[i].medium))
      mac_ports++;
  if (!check_macs (self, state->mac_base, MAX (mac_ports, 1), error))
    return NULL;

  device = g_new0 (CordDevice, 1);
  device->topology = self;
  device->id = state->id != 0 ? state->id : self->next_device_id;
  self->next_device_id = MAX (self->next_device_id, device->id + 1);
  device->name = g_steal_pointer (&name);
  device->model = model;
  device->x = state->x;
  device->y = state->y;
  device->powered = state->powered;
  device->ports = g_ptr_array_sized_new (model->n_ports);
  device->modules = g_array_new (FALSE, TRUE, sizeof (CordInstalledModule));
  device->host = state->host;
  if (cord_kind_has_ios (model->kind))
    {
      device->startup_config = g_strdup (state->startup_config);
      device->running_config = g_strdup (state->running_config);
      if (cord_kind_has_vlans (model->kind))
        device->vlan_database = g_strdup (state->vlan_database);
    }

  /* Every device owns at least one MAC: the base a switch's bridge ID or a
   * router's VLAN interface will use. */
  device->mac_base = allocate_macs (self, state->mac_base, MAX (mac_ports, 1));
  for (guint i = 0; i < model->n_ports; i++)
    {
      CordPort *port = port_new (device, g_strdup (model->ports[i].name),
                                 model->ports[i].type, model->ports[i].medium, FALSE);

      if (medium_has_mac (port->medium))
        port->mac = device->mac_base + mac_index++;
      port->index = i;
      g_ptr_array_add (device->ports, port);
    }

  /* The device is not yet in the topology, so a failure here frees it
   * without anyone having seen it. */
  for (guint i = 0; state->default_modules && i < model->n_defaults; i++)
    if (!_cord_device_insert_module (device, model->defaults[i].slot,
                                     model->defaults[i].module, 0, error))
      goto fail;
  for (guint i = 0; i < state->n_modules; i++)
    if (!_cord_device_insert_module (device, state->modules[i].slot,
                                     state->modules[i].module,
                                     state->modules[i].mac_base, error))
      goto fail;

  g_ptr_array_insert (self->devices, MIN (index, self->devices->len), device);
  g_hash_table_insert (self->device_by_name, device->name, device);
  g_hash_table_insert (self->device_by_id, GUINT_TO_POINTER (device->id), device);
  g_signal_emit (self, _cord_topology_signals[SIGNAL_DEVICE_ADDED], 0, device);
  return device;

fail:
  while (device->modules->len > 0)
    _cord_device_remove_module (device, g_array_index (device->modules, CordInstalledModule,
                                                       device->modules->len - 1).slot);
  for (guint i = 0; i < device->ports->len; i++)
    port_free (device->ports->pdata[i]);
  g_ptr_array_unref (device->ports);
  g_array_unref (device->modules);
  g_free (device->startup_config);
  g_free (device->running_config);
  g_free (device->vlan_database);
  g_free (device->name);
  g_free (device);
  return NULL;
}

void
_cord_topology_destroy_device (CordTopology *self,
                               CordDevice   *device,
                               guint         index)
{
  g_assert (CORD_IS_TOPOLOGY (self));
  g_assert (device != NULL);
  g_assert (index < self->devices->len && self->devices->pdata[index] == device);

  g_signal_emit (self, _cord_topology_signals[SIGNAL_DEVICE_REMOVED], 0, device);
  g_ptr_array_remove_index (self->devices, index);
  g_hash_table_remove (self->device_by_name, device->name);
  _cord_topology_name_freed (self, device->name);
  g_hash_table_remove (self->device_by_id, GUINT_TO_POINTER (device->id));
  while (device->modules->len > 0)
    _cord_device_remove_module (device, g_array_index (device->modules, CordInstalledModule,
                                                       device->modules->len - 1).slot);
  for (guint i = 0; i < device->ports->len; i++)
    port_free (device->ports->pdata[i]);
  g_ptr_array_unref (device->ports);
  g_array_unref (device->modules);
  g_free (device->startup_config);
  g_free (device->running_config);
  g_free (device->vlan_database);
  g_free (device->name);
  g_free (device);
}

static CordLinkState
compute_link_state (CordLink *link)
{
  if (!cord_cable_is_correct (link->cable, link->ends[0], link->ends[1]))
    return CORD_LINK_WRONG_CABLE;
  if (!link->ends[0]->device->powered || !link->ends[1]->device->powered)
    return CORD_LINK_DOWN;
  return CORD_LINK_UP;
}

void
_cord_topology_update_links (CordTopology *self,
                             CordDevice   *device)
{
  g_assert (CORD_IS_TOPOLOGY (self));

  for (guint i = 0; i < device->ports->len; i++)
    {
      CordLink *link = ((CordPort *) device->ports->pdata[i])->link;
      CordLinkState state;

      if (link == NULL)
        continue;
      state = compute_link_state (link);
      if (state != link->state)
        {
          link->state = state;
          g_signal_emit (self, _cord_topology_signals[SIGNAL_LINK_CHANGED], 0, link);
        }
    }
}

CordLink *
_cord_topology_make_link (CordTopology  *self,
                          guint          id,
                          guint          index,
                          CordPort      *a,
                          CordPort      *b,
                          CordCable      cable,
                          GError       **error)
{
  CordCable resolved;
  CordLink *link;

  g_assert (CORD_IS_TOPOLOGY (self));
  g_assert (a != NULL && b != NULL);

  if (self->links->len >= CORD_LIMIT_LINKS)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_LIMIT,
                   _("A lab can hold at most %u links"), CORD_LIMIT_LINKS);
      return NULL;
    }
  if (a == b)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_INVALID,
                   _("A cable needs two different ports; both ends are %s on %s"),
                   a->name, a->device->name);
      return NULL;
    }
  for (guint i = 0; i < 2; i++)
    {
      CordPort *port = i == 0 ? a : b;

      if (port->link != NULL)
        {
          CordPort *peer = cord_link_get_peer (port->link, port);

          g_set_error (error, CORD_ERROR, CORD_ERROR_BUSY,
                       _("%s on %s is already connected to %s on %s; remove "
                         "that cable first"), port->name, port->device->name,
                       peer->name, peer->device->name);
          return NULL;
        }
    }
  if (!cord_cable_resolve (cable, a, b, &resolved, error))
    return NULL;
  if (id != 0 && g_hash_table_contains (self->link_by_id, GUINT_TO_POINTER (id)))
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_EXISTS, _("Link id %u is taken"), id);
      return NULL;
    }

  link = g_new0 (CordLink, 1);
  link->id = id != 0 ? id : self->next_link_id;
  self->next_link_id = MAX (self->next_link_id, link->id + 1);
  link->cable = resolved;
  link->ends[0] = a;
  link->ends[1] = b;
  link->state = compute_link_state (link);
  a->link = link;
  b->link = link;
  g_ptr_array_insert (self->links, MIN (index, self->links->len), link);
  g_hash_table_insert (self->link_by_id, GUINT_TO_POINTER (link->id), link);
  g_signal_emit (self, _cord_topology_signals[SIGNAL_LINK_ADDED], 0, link);
  return link;
}

void
_cord_topology_destroy_link (CordTopology *self,
                             CordLink     *link,
                             guint         index)
{
  g_assert (CORD_IS_TOPOLOGY (self));
  g_assert (link != NULL);
  g_assert (index < self->links->len && self->links->pdata[index] == link);

  g_signal_emit (self, _cord_topology_signals[SIGNAL_LINK_REMOVED], 0, link);
  link->ends[0]->link = NULL;
  link->ends[1]->link = NULL;
  g_ptr_array_remove_index (self->links, index);
  g_hash_table_remove (self->link_by_id, GUINT_TO_POINTER (link->id));
  g_free (link);
}

void
_cord_topology_set_recording (CordTopology *self,
                              gboolean      recording)
{
  g_assert (CORD_IS_TOPOLOGY (self));
  self->recording = recording;
}

CordPort *
cord_link_get_peer (CordLink *link,
                    CordPort *port)
{
  g_return_val_if_fail (link != NULL, NULL);
  g_return_val_if_fail (port == link->ends[0] || port == link->ends[1], NULL);
  return port == link->ends[0] ? link->ends[1] : link->ends[0];
}
