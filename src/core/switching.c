/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Learning switches and bridges: their state, runtime callbacks, and forwarding over access ports and 802.1Q trunks. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cord-error.h"
#include "mac-table-private.h"

/* ---- Ports -------------------------------------------------------------- */

static inline gboolean
port_is_up (const CordSwPort *p)
{
  return p->sp->admin_up && p->sp->line_up;
}

/* ---- Device state ------------------------------------------------------- */

/* DTP defaults differ by generation: the 2950 (like the 3550) shipped
 * with ports in dynamic desirable, later switches in dynamic auto. */
static CordSwitchportMode
model_default_mode (const CordModelSpec *model)
{
  g_assert (model != NULL);

  if (g_str_has_prefix (model->name, "2950"))
    return CORD_SWITCHPORT_DYNAMIC_DESIRABLE;
  return CORD_SWITCHPORT_DYNAMIC_AUTO;
}

CordSwitch *
_cord_switch_get (CordSimDevice *dev)
{
  CordSwitch *sw;

  g_assert (dev != NULL && dev->ops == &_cord_switch_ops);

  if (dev->impl != NULL)
    return dev->impl;

  sw = g_new0 (CordSwitch, 1);
  sw->dev = dev;
  sw->bridge = dev->device->model->kind == CORD_KIND_BRIDGE;
  sw->isl_capable = dev->device->model->kind == CORD_KIND_L3SWITCH;
  sw->default_mode = model_default_mode (dev->device->model);
  sw->ports = g_ptr_array_new_with_free_func (g_free);
  sw->vlan_names = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  _cord_switch_vlan_insert (sw, 1, NULL);
  for (guint vid = CORD_SWITCH_VLAN_FDDI_DEFAULT; vid <= CORD_SWITCH_VLAN_TRNET_DEFAULT; vid++)
    _cord_switch_vlan_insert (sw, vid, NULL);
  sw->aging_s = CORD_SWITCH_AGING_DEFAULT;
  sw->aging_ns = CORD_SWITCH_AGING_DEFAULT * CORD_ENGINE_NS_PER_SEC;
  cord_timer_init (&sw->sweep, _cord_mac_sweep_fired, sw);
  dev->impl = sw;
  return sw;
}

static gboolean
port_is_ethernet (const CordPort *port)
{
  g_assert (port != NULL);

  return port->medium == CORD_MEDIUM_COPPER || port->medium == CORD_MEDIUM_FIBER;
}

/* ---- Forwarding --------------------------------------------------------- */

/* Sends @frame (of VLAN @vid, tagged on arrival or not) out of @out,
 * changing the tagging only when @out needs it changed. The two
 * retagged copies are made once per received frame and shared. */
static inline void
emit (CordSwitch  *sw,
      CordSwPort  *out,
      CordFrame   *frame,
      gboolean     in_tagged,
      guint        vid,
      CordFrame  **tagged,
      CordFrame  **untagged)
{
  gboolean out_tagged = out->trunk && vid != out->native_vlan;

  if (sw->bridge || out_tagged == in_tagged)
    _cord_sim_port_send (out->sp, frame);
  else if (out_tagged)
    {
      if (*tagged == NULL)
        *tagged = cord_frame_add_vlan_tag (frame, (guint16) vid);
      if (*tagged != NULL)
        _cord_sim_port_send (out->sp, *tagged);
    }
  else
    {
      if (*untagged == NULL)
        *untagged = cord_frame_remove_vlan_tag (frame);
      if (*untagged != NULL)
        _cord_sim_port_send (out->sp, *untagged);
    }
}

/* 01-80-C2-00-00-00 to -0F are for the link itself (STP, LACP, 802.1X):
 * an 802.1D bridge never forwards them. Cisco's CDP/VTP/DTP/PAgP
 * (01-00-0C-CC-CC-CC) and PVST+ (01-00-0C-CC-CC-CD) are taken by a
 * Cisco switch's control plane. Neither is simulated yet, so they are
 * consumed here. */
static inline gboolean
is_link_local (const CordSwitch *sw,
               const CordMac    *dst)
{
  static const guint8 ieee[5] = { 0x01, 0x80, 0xc2, 0x00, 0x00 };
  static const guint8 cisco[5] = { 0x01, 0x00, 0x0c, 0xcc, 0xcc };

  if (memcmp (dst->b, ieee, 5) == 0 && dst->b[5] <= 0x0f)
    return TRUE;
  return !sw->bridge && memcmp (dst->b, cisco, 5) == 0 &&
         (dst->b[5] == 0xcc || dst->b[5] == 0xcd);
}

static void
switch_receive (CordSimDevice      *dev,
                CordSimPort        *sp,
                CordFrame          *frame,
                const CordL2Header *l2)
{
  CordSwitch *sw = dev->impl;
  CordSwPort *in = sp->l2;
  CordFrame *tagged = NULL;
  CordFrame *untagged = NULL;
  guint64 now;
  guint vid;

  /* cord_sim_inject() hands frames even to a port that is down; one
   * learned there would point at a dead port. */
  if (sw == NULL || in == NULL || l2 == NULL || !port_is_up (in))
    return;
  /* The runtime lets untagged giants through (1515-1518 bytes); a port
   * counts them as input errors, and no trunk could tag them. */
  if (!l2->tagged && frame->len > CORD_FRAME_MAX_UNTAGGED_LEN)
    {
      _cord_sim_port_input_error (sp);
      return;
    }

  /* Which VLAN the frame belongs to. A transparent bridge knows no
   * VLANs: it forwards tagged frames untouched, all in one table. */
  if (sw->bridge)
    vid = 1;
  else if (in->trunk)
    {
      vid = l2->tagged ? l2->vid : in->native_vlan;
      if (!(_cord_vlan_words_get (in->allowed, vid) && _cord_vlan_words_get (sw->fwd_vlans, vid)))
        {
          _cord_sim_port_input_drop (sp);
          return;
        }
    }
  else
    {
      vid = in->access_vlan;
      if (l2->tagged || !_cord_vlan_words_get (sw->fwd_vlans, vid))
        {
          _cord_sim_port_input_drop (sp);
          return;
        }
    }

  now = _cord_sim_now (dev);

  /* Learn the source, refreshing an existing entry in place. */
  if (!(l2->src.b[0] & 0x01))
    {
      guint64 key = _cord_mac_key (vid, &l2->src);
      CordMacSlot *s = _cord_mac_find (sw, key);

      if (s == NULL)
        _cord_mac_insert (sw, key, in, FALSE, now);
      else if (!s->is_static)
        {
          s->last_seen = now;
          s->port = in;
        }
    }

  if (!(l2->dst.b[0] & 0x01))
    {
      CordMacSlot *s = _cord_mac_find (sw, _cord_mac_key (vid, &l2->dst));

      if (s != NULL && !_cord_mac_slot_expired (sw, s, now))
        {
          CordSwPort *out = s->port;

          /* Already on the right segment. */
          if (out == in)
            return;
          if (port_is_up (out) && _cord_switch_port_carries (out, vid))
            {
              emit (sw, out, frame, l2->tagged, vid, &tagged, &untagged);
              goto done;
            }
          /* A static entry pins the address even to a port that cannot
           * take the frame now. Learned entries never point there: they
           * are flushed when a port goes down or changes VLANs. */
          if (s->is_static)
            return;
        }
    }
  else if (is_link_local (sw, &l2->dst))
    return;

  /* Flood within the VLAN. */
  for (guint i = 0; i < sw->ports->len; i++)
    {
      CordSwPort *out = g_ptr_array_index (sw->ports, i);

      if (out != in && port_is_up (out) && (sw->bridge || _cord_switch_port_carries (out, vid)))
        emit (sw, out, frame, l2->tagged, vid, &tagged, &untagged);
    }

done:
  if (tagged != NULL)
    cord_frame_unref (tagged);
  if (untagged != NULL)
    cord_frame_unref (untagged);
}

/* ---- Runtime callbacks -------------------------------------------------- */

static void
switch_port_added (CordSimDevice *dev,
                   CordSimPort   *sp)
{
  CordSwitch *sw = _cord_switch_get (dev);
  CordSwPort *p;

  g_assert (sp != NULL);

  if (!port_is_ethernet (sp->port) || sp->l2 != NULL)
    return;
  p = g_new0 (CordSwPort, 1);
  p->sw = sw;
  p->sp = sp;
  _cord_switch_port_reset (p);
  sp->l2 = p;
  g_ptr_array_add (sw->ports, p);
}

static void
switch_port_removed (CordSimDevice *dev,
                     CordSimPort   *sp)
{
  CordSwitch *sw = dev->impl;
  CordSwPort *p = sp->l2;

  if (sw == NULL || p == NULL)
    return;
  _cord_mac_remove_if (sw, _cord_mac_drop_any_on_port, p);
  sp->l2 = NULL;
  g_ptr_array_remove (sw->ports, p);
}

static void
switch_port_changed (CordSimDevice *dev,
                     CordSimPort   *sp)
{
  CordSwitch *sw = dev->impl;
  CordSwPort *p = sp->l2;

  /* IOS forgets what it learned on a port whose link goes down. */
  if (sw != NULL && p != NULL && !port_is_up (p))
    _cord_mac_remove_if (sw, _cord_mac_drop_dynamic_on_port, p);
}

static void
switch_power_changed (CordSimDevice *dev)
{
  CordSwitch *sw = _cord_switch_get (dev);

  _cord_mac_clear_all (sw);
  if (!dev->device->powered)
    return;
  /* Booting: the running configuration is the factory one until the
   * startup-config is replayed. The VLAN database is in flash and stays. */
  for (guint i = 0; i < sw->ports->len; i++)
    _cord_switch_port_reset (g_ptr_array_index (sw->ports, i));
  sw->aging_s = CORD_SWITCH_AGING_DEFAULT;
  sw->aging_ns = CORD_SWITCH_AGING_DEFAULT * CORD_ENGINE_NS_PER_SEC;
}

static void
switch_free (CordSimDevice *dev)
{
  CordSwitch *sw = dev->impl;

  if (sw == NULL)
    return;
  cord_timer_clear (_cord_sim_device_engine (dev), &sw->sweep);
  /* The runtime may already have freed its ports: touch only our own. */
  g_ptr_array_unref (sw->ports);
  g_hash_table_unref (sw->vlan_names);
  g_free (sw->slots);
  g_free (sw);
  dev->impl = NULL;
}

const CordSimDeviceOps _cord_switch_ops = {
  .receive       = switch_receive,
  .port_changed  = switch_port_changed,
  .port_added    = switch_port_added,
  .port_removed  = switch_port_removed,
  .power_changed = switch_power_changed,
  .free          = switch_free,
};

/* ---- Lookups shared by the public API ----------------------------------- */

CordSimDevice *
_cord_switch_sim_device (CordSim    *sim,
                         CordDevice *device)
{
  CordSimDevice *dev;

  g_assert (sim != NULL && device != NULL);

  dev = _cord_sim_device_get (device);
  if (dev == NULL || dev->sim != sim || dev->ops != &_cord_switch_ops)
    return NULL;
  return dev;
}

/* The switch behind @device, or NULL (with @error set) when it is not a
 * switch or, when @vlans, has no VLAN configuration. */
CordSwitch *
_cord_switch_lookup (CordSim     *sim,
                     CordDevice  *device,
                     gboolean     vlans,
                     GError     **error)
{
  CordSimDevice *dev = _cord_switch_sim_device (sim, device);
  CordSwitch *sw;

  if (dev == NULL)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_NOT_SUPPORTED,
                   _("%s (%s) is not a switch"), device->name, device->model->name);
      return NULL;
    }
  sw = _cord_switch_get (dev);
  if (vlans && sw->bridge)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_NOT_SUPPORTED,
                   _("%s: Bridge-PT has no VLAN configuration; it bridges all its ports as one LAN"),
                   device->name);
      return NULL;
    }
  return sw;
}

CordSwPort *
_cord_switch_get_port (CordSim   *sim,
                       CordPort  *port,
                       GError   **error)
{
  CordSwitch *sw = _cord_switch_lookup (sim, port->device, TRUE, error);
  CordSimPort *sp;

  if (sw == NULL)
    return NULL;
  sp = _cord_sim_port_get (port);
  if (sp == NULL || sp->l2 == NULL)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_NOT_SUPPORTED,
                   _("%s on %s is not a switch port"), port->name, port->device->name);
      return NULL;
    }
  return sp->l2;
}

/* ---- Public API: devices ------------------------------------------------ */

gboolean
cord_switch_is_switch (CordSim    *sim,
                       CordDevice *device)
{
  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (device != NULL, FALSE);

  return _cord_switch_sim_device (sim, device) != NULL;
}

gboolean
cord_switch_has_vlans (CordSim    *sim,
                       CordDevice *device)
{
  CordSimDevice *dev;

  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (device != NULL, FALSE);

  dev = _cord_switch_sim_device (sim, device);
  return dev != NULL && !_cord_switch_get (dev)->bridge;
}
