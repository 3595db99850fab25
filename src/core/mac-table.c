/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The MAC address table of switches and bridges: an open-addressing hash table with aging, and its public API. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cord-error.h"
#include "mac-table-private.h"

/* The sweep that reclaims aged entries runs at most this often. Lookups
 * expire entries exactly on their own; the sweep only frees the slots. */
#define SWEEP_MIN_INTERVAL_NS CORD_ENGINE_NS_PER_SEC

/* The smallest MAC table allocated on the first learned address. */
#define MAC_TABLE_MIN_SLOTS 16u

/* ---- The MAC table ------------------------------------------------------ */

static inline guint
key_vid (guint64 key)
{
  return (guint) (key >> 48);
}

static void
key_mac (guint64  key,
         CordMac *mac)
{
  for (guint i = 0; i < 6; i++)
    mac->b[i] = (guint8) (key >> (40 - 8 * i));
}

/* Removes slot @i by shifting the rest of its cluster back, so lookups
 * never meet tombstones. */
static void
mac_delete_at (CordSwitch *sw,
               guint       i)
{
  guint j = i;

  g_assert (sw != NULL && sw->slots != NULL && sw->slots[i].key != 0);

  if (!sw->slots[i].is_static)
    sw->n_dynamic--;
  sw->count--;
  for (;;)
    {
      guint k;

      j = (j + 1) & sw->mask;
      if (sw->slots[j].key == 0)
        break;
      k = _cord_mac_key_slot (sw->slots[j].key, sw->mask);
      /* Slot j stays when its home k lies cyclically in (i, j]. */
      if (i <= j ? (i < k && k <= j) : (i < k || k <= j))
        continue;
      sw->slots[i] = sw->slots[j];
      i = j;
    }
  sw->slots[i].key = 0;
  sw->slots[i].port = NULL;
}

static void
mac_place (CordMacSlot       *slots,
           guint              mask,
           const CordMacSlot *entry)
{
  guint i;

  g_assert (slots != NULL && entry != NULL);

  for (i = _cord_mac_key_slot (entry->key, mask); slots[i].key != 0; i = (i + 1) & mask)
    ;
  slots[i] = *entry;
}

static void
mac_grow (CordSwitch *sw)
{
  guint n = sw->slots != NULL ? (sw->mask + 1) * 2 : MAC_TABLE_MIN_SLOTS;
  CordMacSlot *slots = g_new0 (CordMacSlot, n);

  g_assert (sw != NULL);

  if (sw->slots != NULL)
    for (guint i = 0; i <= sw->mask; i++)
      if (sw->slots[i].key != 0)
        mac_place (slots, n - 1, &sw->slots[i]);
  g_free (sw->slots);
  sw->slots = slots;
  sw->mask = n - 1;
}

static void
sweep_schedule (CordSwitch *sw,
                guint64     at)
{
  CordEngine *engine;

  g_assert (sw != NULL);

  engine = _cord_sim_device_engine (sw->dev);
  if (sw->n_dynamic == 0 || sw->aging_ns == 0)
    cord_timer_stop (engine, &sw->sweep);
  else
    cord_timer_start_at (engine, &sw->sweep, at);
}

/* Adds an entry known to be absent; NULL when the table is full. */
CordMacSlot *
_cord_mac_insert (CordSwitch *sw,
                  guint64     key,
                  CordSwPort *port,
                  gboolean    is_static,
                  guint64     now)
{
  CordMacSlot entry = { key, is_static ? 0 : now, port, is_static };
  CordMacSlot *slot;

  g_assert (sw != NULL && key != 0);

  if (sw->count >= CORD_SWITCH_MAC_TABLE_MAX)
    return NULL;
  if (sw->slots == NULL || (sw->count + 1) * 2 > sw->mask + 1)
    mac_grow (sw);
  mac_place (sw->slots, sw->mask, &entry);
  sw->count++;
  if (!is_static)
    {
      sw->n_dynamic++;
      /* A running sweep is due no later than this entry expires. */
      if (!cord_timer_is_running (&sw->sweep))
        sweep_schedule (sw, now + sw->aging_ns);
    }
  slot = _cord_mac_find (sw, key);
  g_assert (slot != NULL);
  return slot;
}

/* Deletes every entry @drop picks. A deletion can pull a later entry
 * into slot i, so i is examined again before moving on; an entry pulled
 * back across the wrap is merely examined twice. */
void
_cord_mac_remove_if (CordSwitch       *sw,
                     CordMacPredicate  drop,
                     gconstpointer     data)
{
  g_assert (sw != NULL && drop != NULL);

  if (sw->slots == NULL)
    return;
  for (guint i = 0; i <= sw->mask; i++)
    while (sw->slots[i].key != 0 && drop (sw, &sw->slots[i], data))
      mac_delete_at (sw, i);
  if (sw->n_dynamic == 0)
    cord_timer_stop (_cord_sim_device_engine (sw->dev), &sw->sweep);
}

static gboolean
drop_dynamic (const CordSwitch  *sw G_GNUC_UNUSED,
              const CordMacSlot *slot,
              gconstpointer      data G_GNUC_UNUSED)
{
  return !slot->is_static;
}

gboolean
_cord_mac_drop_dynamic_on_port (const CordSwitch  *sw G_GNUC_UNUSED,
                                const CordMacSlot *slot,
                                gconstpointer      data)
{
  return !slot->is_static && slot->port == data;
}

gboolean
_cord_mac_drop_any_on_port (const CordSwitch  *sw G_GNUC_UNUSED,
                            const CordMacSlot *slot,
                            gconstpointer      data)
{
  return slot->port == data;
}

static gboolean
drop_dynamic_in_vlan (const CordSwitch  *sw G_GNUC_UNUSED,
                      const CordMacSlot *slot,
                      gconstpointer      data)
{
  return !slot->is_static && key_vid (slot->key) == GPOINTER_TO_UINT (data);
}

gboolean
_cord_mac_drop_any_in_vlan (const CordSwitch  *sw G_GNUC_UNUSED,
                            const CordMacSlot *slot,
                            gconstpointer      data)
{
  return key_vid (slot->key) == GPOINTER_TO_UINT (data);
}

static gboolean
drop_dynamic_address (const CordSwitch  *sw G_GNUC_UNUSED,
                      const CordMacSlot *slot,
                      gconstpointer      data)
{
  const guint64 *mac = data;

  return !slot->is_static && (slot->key & G_GUINT64_CONSTANT (0xffffffffffff)) == *mac;
}

static gboolean
drop_expired (const CordSwitch  *sw,
              const CordMacSlot *slot,
              gconstpointer      data)
{
  return _cord_mac_slot_expired (sw, slot, *(const guint64 *) data);
}

void
_cord_mac_clear_all (CordSwitch *sw)
{
  g_assert (sw != NULL);

  g_clear_pointer (&sw->slots, g_free);
  sw->mask = 0;
  sw->count = 0;
  sw->n_dynamic = 0;
  cord_timer_stop (_cord_sim_device_engine (sw->dev), &sw->sweep);
}

static void
sweep_run (CordSwitch *sw,
           guint64     now)
{
  guint64 oldest = G_MAXUINT64;

  g_assert (sw != NULL);

  _cord_mac_remove_if (sw, drop_expired, &now);
  if (sw->n_dynamic == 0 || sw->aging_ns == 0)
    return;
  for (guint i = 0; i <= sw->mask; i++)
    if (sw->slots[i].key != 0 && !sw->slots[i].is_static)
      oldest = MIN (oldest, sw->slots[i].last_seen);
  sweep_schedule (sw, MAX (oldest + sw->aging_ns, now + SWEEP_MIN_INTERVAL_NS));
}

void
_cord_mac_sweep_fired (CordEngine *engine,
                       gpointer    a,
                       gpointer    b G_GNUC_UNUSED)
{
  sweep_run (a, cord_engine_now (engine));
}

/* ---- Public API: the MAC table ------------------------------------------ */

static gint
compare_mac_entry (gconstpointer a,
                   gconstpointer b)
{
  const CordMacEntry *x = a;
  const CordMacEntry *y = b;
  int c;

  if (x->vid != y->vid)
    return (gint) x->vid - (gint) y->vid;
  c = memcmp (x->mac.b, y->mac.b, sizeof x->mac.b);
  return c;
}

/* The live entries, sorted by VLAN then address; NULL when @device is
 * not a switch. */
GArray *
cord_switch_get_mac_table (CordSim    *sim,
                           CordDevice *device)
{
  CordSimDevice *dev;
  CordSwitch *sw;
  GArray *out;
  guint64 now;

  g_return_val_if_fail (sim != NULL, NULL);
  g_return_val_if_fail (device != NULL, NULL);

  dev = _cord_switch_sim_device (sim, device);
  if (dev == NULL)
    return NULL;
  sw = _cord_switch_get (dev);
  now = _cord_sim_now (dev);
  out = g_array_sized_new (FALSE, TRUE, sizeof (CordMacEntry), sw->count);
  for (guint i = 0; sw->slots != NULL && i <= sw->mask; i++)
    {
      const CordMacSlot *s = &sw->slots[i];
      CordMacEntry e;

      if (s->key == 0 || _cord_mac_slot_expired (sw, s, now))
        continue;
      e.vid = (guint16) key_vid (s->key);
      key_mac (s->key, &e.mac);
      e.port = s->port->sp->port;
      e.is_static = s->is_static;
      e.last_seen_ns = s->last_seen;
      g_array_append_val (out, e);
    }
  g_array_sort (out, compare_mac_entry);
  return out;
}

/* `clear mac address-table dynamic [interface]`: static entries stay. */
void
cord_switch_clear_mac_table (CordSim    *sim,
                             CordDevice *device,
                             CordPort   *port)
{
  CordSimDevice *dev;
  CordSwitch *sw;

  g_return_if_fail (sim != NULL);
  g_return_if_fail (device != NULL);
  g_return_if_fail (port == NULL || port->device == device);

  dev = _cord_switch_sim_device (sim, device);
  if (dev == NULL)
    return;
  sw = _cord_switch_get (dev);
  if (port == NULL)
    _cord_mac_remove_if (sw, drop_dynamic, NULL);
  else
    {
      CordSimPort *sp = _cord_sim_port_get (port);

      if (sp != NULL && sp->l2 != NULL)
        _cord_mac_remove_if (sw, _cord_mac_drop_dynamic_on_port, sp->l2);
    }
}

void
cord_switch_clear_mac_vlan (CordSim    *sim,
                            CordDevice *device,
                            guint       vid)
{
  CordSimDevice *dev;

  g_return_if_fail (sim != NULL);
  g_return_if_fail (device != NULL);

  dev = _cord_switch_sim_device (sim, device);
  if (dev != NULL)
    _cord_mac_remove_if (_cord_switch_get (dev), drop_dynamic_in_vlan, GUINT_TO_POINTER (vid));
}

void
cord_switch_clear_mac_address (CordSim       *sim,
                               CordDevice    *device,
                               const CordMac *mac)
{
  CordSimDevice *dev;
  guint64 key;

  g_return_if_fail (sim != NULL);
  g_return_if_fail (device != NULL);
  g_return_if_fail (mac != NULL);

  dev = _cord_switch_sim_device (sim, device);
  if (dev == NULL)
    return;
  key = _cord_mac_key (0, mac);
  _cord_mac_remove_if (_cord_switch_get (dev), drop_dynamic_address, &key);
}

/* `mac address-table static MAC vlan N interface PORT`. Static entries
 * are configuration: they never age, survive `clear mac address-table`
 * and link changes, and are gone after a reload. */
gboolean
cord_switch_mac_add_static (CordSim        *sim,
                            CordDevice     *device,
                            guint           vid,
                            const CordMac  *mac,
                            CordPort       *port,
                            GError        **error)
{
  CordSwitch *sw;
  CordSwPort *p;
  CordMacSlot *s;
  guint64 key;

  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (device != NULL, FALSE);
  g_return_val_if_fail (mac != NULL, FALSE);
  g_return_val_if_fail (port != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  sw = _cord_switch_lookup (sim, device, TRUE, error);
  if (sw == NULL || !_cord_switch_check_ethernet_vid (vid, error))
    return FALSE;
  if (port->device != device)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_UNKNOWN_PORT,
                   _("%s is a port of %s, not of %s"), port->name,
                   port->device->name, device->name);
      return FALSE;
    }
  p = _cord_switch_get_port (sim, port, error);
  if (p == NULL)
    return FALSE;
  if (cord_frame_mac_is_multicast (mac))
    {
      char buf[CORD_FRAME_MAC_STRLEN];

      g_set_error (error, CORD_ERROR, CORD_ERROR_NOT_SUPPORTED,
                   _("%s is a multicast address; static entries are for unicast addresses"),
                   cord_frame_mac_to_ios (mac, buf));
      return FALSE;
    }
  key = _cord_mac_key (vid, mac);
  s = _cord_mac_find (sw, key);
  if (s != NULL)
    {
      if (!s->is_static)
        sw->n_dynamic--;
      s->is_static = TRUE;
      s->last_seen = 0;
      s->port = p;
      if (sw->n_dynamic == 0)
        cord_timer_stop (_cord_sim_device_engine (sw->dev), &sw->sweep);
      return TRUE;
    }
  if (_cord_mac_insert (sw, key, p, TRUE, 0) == NULL)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_LIMIT,
                   _("The MAC address table of %s is full (%u entries); "
                     "clear learned entries or remove static ones first"),
                   device->name, CORD_SWITCH_MAC_TABLE_MAX);
      return FALSE;
    }
  return TRUE;
}

gboolean
cord_switch_mac_remove_static (CordSim        *sim,
                               CordDevice     *device,
                               guint           vid,
                               const CordMac  *mac,
                               GError        **error)
{
  CordSwitch *sw;
  CordMacSlot *s;

  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (device != NULL, FALSE);
  g_return_val_if_fail (mac != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  sw = _cord_switch_lookup (sim, device, TRUE, error);
  if (sw == NULL || !_cord_switch_check_vid (vid, error))
    return FALSE;
  s = _cord_mac_find (sw, _cord_mac_key (vid, mac));
  if (s == NULL || !s->is_static)
    {
      char buf[CORD_FRAME_MAC_STRLEN];

      g_set_error (error, CORD_ERROR, CORD_ERROR_INVALID,
                   _("There is no static entry for %s in VLAN %u"),
                   cord_frame_mac_to_ios (mac, buf), vid);
      return FALSE;
    }
  mac_delete_at (sw, (guint) (s - sw->slots));
  return TRUE;
}

/* 0 turns aging off; otherwise 10 to 1,000,000 seconds, as on a 2960.
 * The new time applies at once to what is already learned. */
gboolean
cord_switch_set_aging_time (CordSim     *sim,
                            CordDevice  *device,
                            guint        seconds,
                            GError     **error)
{
  CordSwitch *sw;
  guint64 now;

  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (device != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  sw = _cord_switch_lookup (sim, device, TRUE, error);
  if (sw == NULL)
    return FALSE;
  if (seconds != 0 && (seconds < CORD_SWITCH_AGING_MIN || seconds > CORD_SWITCH_AGING_MAX))
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_INVALID,
                   _("An aging time of %u seconds is out of range; use 0 to turn "
                     "aging off, or %u to %u seconds"),
                   seconds, CORD_SWITCH_AGING_MIN, CORD_SWITCH_AGING_MAX);
      return FALSE;
    }
  sw->aging_s = seconds;
  sw->aging_ns = (guint64) seconds * CORD_ENGINE_NS_PER_SEC;
  now = _cord_sim_now (sw->dev);
  sweep_run (sw, now);
  if (sw->aging_ns == 0)
    cord_timer_stop (_cord_sim_device_engine (sw->dev), &sw->sweep);
  return TRUE;
}

guint
cord_switch_get_aging_time (CordSim    *sim,
                            CordDevice *device)
{
  CordSimDevice *dev;

  g_return_val_if_fail (sim != NULL, 0);
  g_return_val_if_fail (device != NULL, 0);

  dev = _cord_switch_sim_device (sim, device);
  return dev != NULL ? _cord_switch_get (dev)->aging_s : 0;
}
