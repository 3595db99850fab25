/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The VLAN database and switchport configuration of switches, and the VLAN bitmaps that API takes. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cord-error.h"
#include "mac-table-private.h"

/* ---- VLAN sets ---------------------------------------------------------- */

static inline void
words_set (guint64  *words,
           guint     vid,
           gboolean  on)
{
  g_assert (vid < 4096);

  if (on)
    words[vid >> 6] |= G_GUINT64_CONSTANT (1) << (vid & 63);
  else
    words[vid >> 6] &= ~(G_GUINT64_CONSTANT (1) << (vid & 63));
}

static void
words_fill_all (guint64 *words)
{
  g_assert (words != NULL);

  memset (words, 0xff, CORD_SWITCH_VLAN_WORDS * sizeof (guint64));
  words_set (words, 0, FALSE);
  words_set (words, 4095, FALSE);
}

static void
words_to_bytes (const guint64 *words,
                guint8        *bytes)
{
  g_assert (words != NULL && bytes != NULL);

  for (guint w = 0; w < CORD_SWITCH_VLAN_WORDS; w++)
    for (guint k = 0; k < 8; k++)
      bytes[w * 8 + k] = (guint8) (words[w] >> (8 * k));
}

static void
bytes_to_words (const guint8 *bytes,
                guint64      *words)
{
  g_assert (words != NULL && bytes != NULL);

  for (guint w = 0; w < CORD_SWITCH_VLAN_WORDS; w++)
    {
      guint64 v = 0;

      for (guint k = 0; k < 8; k++)
        v |= (guint64) bytes[w * 8 + k] << (8 * k);
      words[w] = v;
    }
  words_set (words, 0, FALSE);
  words_set (words, 4095, FALSE);
}

void
cord_vlan_bitmap_set_range (guint8 *bitmap,
                            guint   first,
                            guint   last)
{
  g_return_if_fail (bitmap != NULL);
  g_return_if_fail (first >= CORD_FRAME_VID_MIN && first <= last);
  g_return_if_fail (last <= CORD_FRAME_VID_MAX);

  for (guint vid = first; vid <= last; vid++)
    cord_vlan_bitmap_set (bitmap, vid, TRUE);
}

char *
cord_vlan_bitmap_format (const guint8 *bitmap)
{
  GString *out;
  guint vid = CORD_FRAME_VID_MIN;

  g_return_val_if_fail (bitmap != NULL, NULL);

  out = g_string_new (NULL);
  while (vid <= CORD_FRAME_VID_MAX)
    {
      guint last;

      if (!cord_vlan_bitmap_get (bitmap, vid))
        {
          vid++;
          continue;
        }
      last = vid;
      while (last + 1 <= CORD_FRAME_VID_MAX && cord_vlan_bitmap_get (bitmap, last + 1))
        last++;
      if (out->len > 0)
        g_string_append_c (out, ',');
      /* IOS writes two neighbours as a list, three or more as a range. */
      if (last == vid)
        g_string_append_printf (out, "%u", vid);
      else if (last == vid + 1)
        g_string_append_printf (out, "%u,%u", vid, last);
      else
        g_string_append_printf (out, "%u-%u", vid, last);
      vid = last + 1;
    }
  if (out->len == 0)
    g_string_append (out, "none");
  return g_string_free (out, FALSE);
}

/* ---- The VLAN database -------------------------------------------------- */

static gboolean
vid_is_default (guint vid)
{
  return vid == 1 ||
         (vid >= CORD_SWITCH_VLAN_FDDI_DEFAULT && vid <= CORD_SWITCH_VLAN_TRNET_DEFAULT);
}

static gboolean
vid_is_ethernet (guint vid)
{
  return !(vid >= CORD_SWITCH_VLAN_FDDI_DEFAULT && vid <= CORD_SWITCH_VLAN_TRNET_DEFAULT);
}

static char *
default_vlan_name (guint vid)
{
  switch (vid)
    {
    case 1:
      return g_strdup ("default");
    case 1002:
      return g_strdup ("fddi-default");
    case 1003:
      return g_strdup ("token-ring-default");
    case 1004:
      return g_strdup ("fddinet-default");
    case 1005:
      return g_strdup ("trnet-default");
    default:
      return g_strdup_printf ("VLAN%04u", vid);
    }
}

static gboolean
vlan_exists (const CordSwitch *sw,
             guint             vid)
{
  g_assert (sw != NULL);

  return vid >= CORD_FRAME_VID_MIN && vid <= CORD_FRAME_VID_MAX &&
         g_hash_table_contains (sw->vlan_names, GUINT_TO_POINTER (vid));
}

void
_cord_switch_vlan_insert (CordSwitch *sw,
                          guint       vid,
                          const char *name)
{
  g_assert (sw != NULL);
  g_assert (vid >= CORD_FRAME_VID_MIN && vid <= CORD_FRAME_VID_MAX);

  g_hash_table_insert (sw->vlan_names, GUINT_TO_POINTER (vid),
                       name != NULL ? g_strdup (name) : default_vlan_name (vid));
  if (vid_is_ethernet (vid))
    words_set (sw->fwd_vlans, vid, TRUE);
}

/* ---- Ports -------------------------------------------------------------- */

void
_cord_switch_port_reset (CordSwPort *p)
{
  g_assert (p != NULL && p->sw != NULL);

  p->admin_mode = p->sw->bridge ? CORD_SWITCHPORT_ACCESS : p->sw->default_mode;
  p->encap = p->sw->isl_capable ? CORD_TRUNK_ENCAP_NEGOTIATE : CORD_TRUNK_ENCAP_DOT1Q;
  p->trunk = p->admin_mode == CORD_SWITCHPORT_TRUNK;
  p->nonegotiate = FALSE;
  p->access_vlan = 1;
  p->native_vlan = 1;
  words_fill_all (p->allowed);
}

/* ---- Lookups and checks ------------------------------------------------- */

/* A port that can read its settings: bridge ports included. */
static CordSwPort *
find_port (CordSim  *sim,
           CordPort *port)
{
  CordSimDevice *dev = _cord_switch_sim_device (sim, port->device);
  CordSimPort *sp;

  if (dev == NULL)
    return NULL;
  _cord_switch_get (dev);
  sp = _cord_sim_port_get (port);
  return sp != NULL ? sp->l2 : NULL;
}

gboolean
_cord_switch_check_vid (guint    vid,
                        GError **error)
{
  if (vid >= CORD_FRAME_VID_MIN && vid <= CORD_FRAME_VID_MAX)
    return TRUE;
  g_set_error (error, CORD_ERROR, CORD_ERROR_INVALID,
               _("VLAN %u is out of range; VLANs are numbered 1 to 4094"), vid);
  return FALSE;
}

/* Access and native VLANs must carry Ethernet. */
gboolean
_cord_switch_check_ethernet_vid (guint    vid,
                                 GError **error)
{
  if (!_cord_switch_check_vid (vid, error))
    return FALSE;
  if (vid_is_ethernet (vid))
    return TRUE;
  g_set_error (error, CORD_ERROR, CORD_ERROR_INVALID,
               _("VLAN %u is a default FDDI or Token Ring VLAN and cannot carry "
                 "Ethernet traffic; choose another VLAN"), vid);
  return FALSE;
}

static gboolean
check_vlan_name (const char  *name,
                 GError     **error)
{
  gsize len = strlen (name);

  if (len == 0)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_INVALID, _("A VLAN name cannot be empty"));
      return FALSE;
    }
  for (const char *p = name; *p != '\0'; p++)
    if (*p < 0x21 || *p > 0x7e)
      {
        g_set_error (error, CORD_ERROR, CORD_ERROR_INVALID,
                     _("A VLAN name is one word of printable ASCII characters; "
                       "remove spaces and other characters"));
        return FALSE;
      }
  if (len > CORD_SWITCH_VLAN_NAME_MAX)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_LIMIT,
                   _("The VLAN name “%.*s…” is too long; use at most %u characters"),
                   (int) CORD_SWITCH_VLAN_NAME_MAX, name, CORD_SWITCH_VLAN_NAME_MAX);
      return FALSE;
    }
  return TRUE;
}

/* After any change to a port's VLANs, what it learned may point the
 * wrong way: forget it, as IOS does. */
static void
port_config_changed (CordSwPort *p)
{
  g_assert (p != NULL);

  _cord_mac_remove_if (p->sw, _cord_mac_drop_dynamic_on_port, p);
}

/* ---- Public API: the VLAN database -------------------------------------- */

/* Creates VLAN @vid, named @name or "VLAN0010"-style when @name is NULL.
 * An existing VLAN is renamed when @name is given, else left alone. */
gboolean
cord_switch_vlan_add (CordSim     *sim,
                      CordDevice  *device,
                      guint        vid,
                      const char  *name,
                      GError     **error)
{
  CordSwitch *sw;

  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (device != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  sw = _cord_switch_lookup (sim, device, TRUE, error);
  if (sw == NULL || !_cord_switch_check_vid (vid, error))
    return FALSE;
  if (vlan_exists (sw, vid))
    return name == NULL || cord_switch_vlan_set_name (sim, device, vid, name, error);
  if (name != NULL && !check_vlan_name (name, error))
    return FALSE;
  _cord_switch_vlan_insert (sw, vid, name);
  return TRUE;
}

/* Deleting a VLAN that does not exist does nothing, as `no vlan` does.
 * Access ports of a deleted VLAN keep it configured but are inactive:
 * they forward nothing until the VLAN is created again. */
gboolean
cord_switch_vlan_remove (CordSim     *sim,
                         CordDevice  *device,
                         guint        vid,
                         GError     **error)
{
  CordSwitch *sw;

  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (device != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  sw = _cord_switch_lookup (sim, device, TRUE, error);
  if (sw == NULL || !_cord_switch_check_vid (vid, error))
    return FALSE;
  if (vid_is_default (vid))
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_INVALID,
                   _("Default VLAN %u may not be deleted."), vid);
      return FALSE;
    }
  if (!g_hash_table_remove (sw->vlan_names, GUINT_TO_POINTER (vid)))
    return TRUE;
  words_set (sw->fwd_vlans, vid, FALSE);
  _cord_mac_remove_if (sw, _cord_mac_drop_any_in_vlan, GUINT_TO_POINTER (vid));
  return TRUE;
}

/* NULL restores the default "VLAN0010"-style name. */
gboolean
cord_switch_vlan_set_name (CordSim     *sim,
                           CordDevice  *device,
                           guint        vid,
                           const char  *name,
                           GError     **error)
{
  CordSwitch *sw;

  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (device != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  sw = _cord_switch_lookup (sim, device, TRUE, error);
  if (sw == NULL || !_cord_switch_check_vid (vid, error))
    return FALSE;
  if (!vlan_exists (sw, vid))
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_INVALID,
                   _("VLAN %u does not exist; create it first"), vid);
      return FALSE;
    }
  if (vid_is_default (vid))
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_INVALID,
                   _("Default VLAN %u may not have its name changed."), vid);
      return FALSE;
    }
  if (name != NULL && !check_vlan_name (name, error))
    return FALSE;
  _cord_switch_vlan_insert (sw, vid, name);
  return TRUE;
}

gboolean
cord_switch_vlan_exists (CordSim    *sim,
                         CordDevice *device,
                         guint       vid)
{
  CordSimDevice *dev;

  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (device != NULL, FALSE);

  dev = _cord_switch_sim_device (sim, device);
  return dev != NULL && vlan_exists (_cord_switch_get (dev), vid);
}

void
cord_vlan_info_clear (CordVlanInfo *info)
{
  if (info == NULL)
    return;
  g_clear_pointer (&info->name, g_free);
}

static void
vlan_info_clear_func (gpointer data)
{
  cord_vlan_info_clear (data);
}

static gint
compare_vlan_info (gconstpointer a,
                   gconstpointer b)
{
  const CordVlanInfo *x = a;
  const CordVlanInfo *y = b;

  return (gint) x->vid - (gint) y->vid;
}

/* Every VLAN, sorted by VID; NULL when @device is not a switch. */
GArray *
cord_switch_list_vlans (CordSim    *sim,
                        CordDevice *device)
{
  CordSimDevice *dev;
  CordSwitch *sw;
  GArray *out;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (sim != NULL, NULL);
  g_return_val_if_fail (device != NULL, NULL);

  dev = _cord_switch_sim_device (sim, device);
  if (dev == NULL)
    return NULL;
  sw = _cord_switch_get (dev);
  out = g_array_sized_new (FALSE, TRUE, sizeof (CordVlanInfo),
                           g_hash_table_size (sw->vlan_names));
  g_array_set_clear_func (out, vlan_info_clear_func);
  g_hash_table_iter_init (&iter, sw->vlan_names);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint vid = GPOINTER_TO_UINT (key);
      CordVlanInfo info = {
        .vid = (guint16) vid,
        .name = g_strdup (value),
        .default_vlan = vid_is_default (vid),
        .active = TRUE,
        .ethernet = vid_is_ethernet (vid),
      };

      g_array_append_val (out, info);
    }
  g_array_sort (out, compare_vlan_info);
  return out;
}

static gint
compare_port_index (gconstpointer a,
                    gconstpointer b)
{
  const CordPort *x = *(CordPort * const *) a;
  const CordPort *y = *(CordPort * const *) b;

  return (x->index > y->index) - (x->index < y->index);
}

/* The ports `show vlan brief` lists for @vid: those operating as access
 * ports in it, in device order; none when the VLAN does not exist.
 * The array does not own the ports. NULL when @device is not a switch. */
GPtrArray *
cord_switch_vlan_ports (CordSim    *sim,
                        CordDevice *device,
                        guint       vid)
{
  CordSimDevice *dev;
  CordSwitch *sw;
  GPtrArray *out;

  g_return_val_if_fail (sim != NULL, NULL);
  g_return_val_if_fail (device != NULL, NULL);

  dev = _cord_switch_sim_device (sim, device);
  if (dev == NULL)
    return NULL;
  sw = _cord_switch_get (dev);
  out = g_ptr_array_new ();
  if (!vlan_exists (sw, vid))
    return out;
  for (guint i = 0; i < sw->ports->len; i++)
    {
      CordSwPort *p = g_ptr_array_index (sw->ports, i);

      if (!p->trunk && p->access_vlan == vid)
        g_ptr_array_add (out, p->sp->port);
    }
  g_ptr_array_sort (out, compare_port_index);
  return out;
}

/* ---- Public API: ports -------------------------------------------------- */

static gboolean
is_dynamic (CordSwitchportMode mode)
{
  switch (mode)
    {
    case CORD_SWITCHPORT_DYNAMIC_AUTO:
    case CORD_SWITCHPORT_DYNAMIC_DESIRABLE:
      return TRUE;
    case CORD_SWITCHPORT_ACCESS:
    case CORD_SWITCHPORT_TRUNK:
    default:
      return FALSE;
    }
}

static void
set_nonegotiate_conflict (GError **error)
{
  g_set_error (error, CORD_ERROR, CORD_ERROR_INVALID,
               _("Command rejected: Conflict between 'nonegotiate' and 'dynamic' status."));
}

static void
set_encap_conflict (GError **error)
{
  g_set_error (error, CORD_ERROR, CORD_ERROR_INVALID,
               _("Command rejected: An interface whose trunk encapsulation is \"Auto\" "
                 "can not be configured to \"trunk\" mode."));
}

gboolean
cord_switch_port_set_mode (CordSim             *sim,
                           CordPort            *port,
                           CordSwitchportMode   mode,
                           GError             **error)
{
  CordSwPort *p;

  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (port != NULL, FALSE);
  g_return_val_if_fail ((guint) mode <= CORD_SWITCHPORT_DYNAMIC_DESIRABLE, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  p = _cord_switch_get_port (sim, port, error);
  if (p == NULL)
    return FALSE;
  if (is_dynamic (mode) && p->nonegotiate)
    {
      set_nonegotiate_conflict (error);
      return FALSE;
    }
  if (mode == CORD_SWITCHPORT_TRUNK && p->encap != CORD_TRUNK_ENCAP_DOT1Q)
    {
      set_encap_conflict (error);
      return FALSE;
    }
  if (p->admin_mode == mode)
    return TRUE;
  p->admin_mode = mode;
  /* Until DTP negotiates, a dynamic port stays an access port. */
  p->trunk = mode == CORD_SWITCHPORT_TRUNK;
  port_config_changed (p);
  return TRUE;
}

gboolean
cord_switch_port_set_encapsulation (CordSim                 *sim,
                                    CordPort                *port,
                                    CordTrunkEncapsulation   encap,
                                    GError                 **error)
{
  CordSwPort *p;

  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (port != NULL, FALSE);
  g_return_val_if_fail ((guint) encap <= CORD_TRUNK_ENCAP_ISL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  p = _cord_switch_get_port (sim, port, error);
  if (p == NULL)
    return FALSE;
  if (encap == CORD_TRUNK_ENCAP_ISL)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_NOT_SUPPORTED,
                   _("ISL trunking is not simulated; use 802.1Q (dot1q)"));
      return FALSE;
    }
  if (!p->sw->isl_capable && encap != CORD_TRUNK_ENCAP_DOT1Q)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_NOT_SUPPORTED,
                   _("%s (%s) trunks with 802.1Q only; its trunk encapsulation cannot be changed"),
                   port->device->name, port->device->model->name);
      return FALSE;
    }
  if (encap != CORD_TRUNK_ENCAP_DOT1Q && p->admin_mode == CORD_SWITCHPORT_TRUNK)
    {
      set_encap_conflict (error);
      return FALSE;
    }
  p->encap = encap;
  return TRUE;
}

/* A VLAN that does not exist is created, and *@created says so: IOS then
 * prints "% Access VLAN does not exist. Creating vlan N". */
gboolean
cord_switch_port_set_access_vlan (CordSim   *sim,
                                  CordPort  *port,
                                  guint      vid,
                                  gboolean  *created,
                                  GError   **error)
{
  CordSwPort *p;

  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (port != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (created != NULL)
    *created = FALSE;
  p = _cord_switch_get_port (sim, port, error);
  if (p == NULL || !_cord_switch_check_ethernet_vid (vid, error))
    return FALSE;
  if (!vlan_exists (p->sw, vid))
    {
      _cord_switch_vlan_insert (p->sw, vid, NULL);
      if (created != NULL)
        *created = TRUE;
    }
  if (p->access_vlan == vid)
    return TRUE;
  p->access_vlan = (guint16) vid;
  port_config_changed (p);
  return TRUE;
}

/* The native VLAN need not exist, as in IOS; its frames are dropped
 * until it does. */
gboolean
cord_switch_port_set_native_vlan (CordSim   *sim,
                                  CordPort  *port,
                                  guint      vid,
                                  GError   **error)
{
  CordSwPort *p;

  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (port != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  p = _cord_switch_get_port (sim, port, error);
  if (p == NULL || !_cord_switch_check_ethernet_vid (vid, error))
    return FALSE;
  if (p->native_vlan == vid)
    return TRUE;
  p->native_vlan = (guint16) vid;
  port_config_changed (p);
  return TRUE;
}

typedef enum {
  ALLOWED_SET,
  ALLOWED_ADD,
  ALLOWED_REMOVE,
} AllowedOp;

static gboolean
update_allowed (CordSim        *sim,
                CordPort       *port,
                AllowedOp       op,
                const guint64  *words,
                GError        **error)
{
  CordSwPort *p = _cord_switch_get_port (sim, port, error);

  g_assert (words != NULL);

  if (p == NULL)
    return FALSE;
  for (guint w = 0; w < CORD_SWITCH_VLAN_WORDS; w++)
    switch (op)
      {
      case ALLOWED_SET:
        p->allowed[w] = words[w];
        break;
      case ALLOWED_ADD:
        p->allowed[w] |= words[w];
        break;
      case ALLOWED_REMOVE:
        p->allowed[w] &= ~words[w];
        break;
      default:
        g_assert_not_reached ();
      }
  words_set (p->allowed, 0, FALSE);
  words_set (p->allowed, 4095, FALSE);
  port_config_changed (p);
  return TRUE;
}

gboolean
cord_switch_port_set_allowed (CordSim       *sim,
                              CordPort      *port,
                              const guint8   bitmap[CORD_VLAN_BITMAP_BYTES],
                              GError       **error)
{
  guint64 words[CORD_SWITCH_VLAN_WORDS];

  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (port != NULL, FALSE);
  g_return_val_if_fail (bitmap != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes_to_words (bitmap, words);
  return update_allowed (sim, port, ALLOWED_SET, words, error);
}

gboolean
cord_switch_port_allowed_add (CordSim       *sim,
                              CordPort      *port,
                              const guint8   bitmap[CORD_VLAN_BITMAP_BYTES],
                              GError       **error)
{
  guint64 words[CORD_SWITCH_VLAN_WORDS];

  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (port != NULL, FALSE);
  g_return_val_if_fail (bitmap != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes_to_words (bitmap, words);
  return update_allowed (sim, port, ALLOWED_ADD, words, error);
}

gboolean
cord_switch_port_allowed_remove (CordSim       *sim,
                                 CordPort      *port,
                                 const guint8   bitmap[CORD_VLAN_BITMAP_BYTES],
                                 GError       **error)
{
  guint64 words[CORD_SWITCH_VLAN_WORDS];

  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (port != NULL, FALSE);
  g_return_val_if_fail (bitmap != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes_to_words (bitmap, words);
  return update_allowed (sim, port, ALLOWED_REMOVE, words, error);
}

gboolean
cord_switch_port_allowed_all (CordSim   *sim,
                              CordPort  *port,
                              GError   **error)
{
  guint64 words[CORD_SWITCH_VLAN_WORDS];

  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (port != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  words_fill_all (words);
  return update_allowed (sim, port, ALLOWED_SET, words, error);
}

gboolean
cord_switch_port_allowed_none (CordSim   *sim,
                               CordPort  *port,
                               GError   **error)
{
  guint64 words[CORD_SWITCH_VLAN_WORDS] = { 0 };

  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (port != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return update_allowed (sim, port, ALLOWED_SET, words, error);
}

gboolean
cord_switch_port_set_nonegotiate (CordSim   *sim,
                                  CordPort  *port,
                                  gboolean   nonegotiate,
                                  GError   **error)
{
  CordSwPort *p;

  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (port != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  p = _cord_switch_get_port (sim, port, error);
  if (p == NULL)
    return FALSE;
  if (nonegotiate && is_dynamic (p->admin_mode))
    {
      set_nonegotiate_conflict (error);
      return FALSE;
    }
  p->nonegotiate = nonegotiate != FALSE;
  return TRUE;
}

gboolean
cord_switch_port_set_defaults (CordSim   *sim,
                               CordPort  *port,
                               GError   **error)
{
  CordSwPort *p;

  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (port != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  p = _cord_switch_get_port (sim, port, error);
  if (p == NULL)
    return FALSE;
  _cord_switch_port_reset (p);
  port_config_changed (p);
  return TRUE;
}

/* FALSE, leaving @out alone, when @port is not a switch port. A bridge's
 * ports read as access ports of VLAN 1. */
gboolean
cord_switch_port_get_info (CordSim            *sim,
                           CordPort           *port,
                           CordSwitchportInfo *out)
{
  CordSwPort *p;

  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (port != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  p = find_port (sim, port);
  if (p == NULL)
    return FALSE;
  out->admin_mode = p->admin_mode;
  out->oper_mode = p->trunk ? CORD_SWITCHPORT_TRUNK : CORD_SWITCHPORT_ACCESS;
  out->admin_encap = p->encap;
  out->access_vlan = p->access_vlan;
  out->native_vlan = p->native_vlan;
  out->nonegotiate = p->nonegotiate;
  words_to_bytes (p->allowed, out->allowed);
  return TRUE;
}

gboolean
cord_switch_port_allows (CordSim  *sim,
                         CordPort *port,
                         guint     vid)
{
  CordSwPort *p;

  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (port != NULL, FALSE);

  p = find_port (sim, port);
  if (p == NULL || vid < CORD_FRAME_VID_MIN || vid > CORD_FRAME_VID_MAX)
    return FALSE;
  return _cord_switch_port_carries (p, vid);
}
