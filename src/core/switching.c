/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Learning switches and bridges: the VLAN database, switchport settings, 802.1Q trunks and the MAC address table. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cord-error.h"
#include "sim-private.h"
#include "switching.h"

/* Sets of VLANs are 4096 bits; internally they are 64 words so that the
 * forwarding path tests a bit with one shift and one mask. */
#define VLAN_WORDS 64u

/* The sweep that reclaims aged entries runs at most this often. Lookups
 * expire entries exactly on their own; the sweep only frees the slots. */
#define SWEEP_MIN_INTERVAL_NS CORD_ENGINE_NS_PER_SEC

/* The smallest MAC table allocated on the first learned address. */
#define MAC_TABLE_MIN_SLOTS 16u

typedef struct _Switch Switch;
typedef struct _SwPort SwPort;

/* One slot of the open-addressing MAC table. @key packs the VLAN into
 * bits 48-59 and the address into bits 0-47; 0 marks an empty slot
 * (VLAN 0 never enters the table). */
typedef struct {
  guint64  key;
  guint64  last_seen;
  SwPort  *port;
  gboolean is_static;
} MacSlot;

struct _SwPort {
  Switch      *sw;
  CordSimPort *sp;
  CordSwitchportMode     admin_mode;
  CordTrunkEncapsulation encap;
  gboolean    trunk;              /* operational mode */
  gboolean    nonegotiate;
  guint16     access_vlan;
  guint16     native_vlan;
  guint64     allowed[VLAN_WORDS];
};

struct _Switch {
  CordSimDevice *dev;
  gboolean       bridge;
  gboolean       isl_capable;     /* trunk encapsulation defaults to negotiate */
  CordSwitchportMode default_mode;
  GPtrArray     *ports;           /* SwPort*, owned */

  /* The VLAN database: names by VID, and which VLANs forward Ethernet
   * frames (those in the database except 1002-1005). */
  GHashTable    *vlan_names;      /* GUINT_TO_POINTER (vid) -> char* */
  guint64        fwd_vlans[VLAN_WORDS];

  /* The MAC table. */
  MacSlot       *slots;
  guint          mask;            /* slot count - 1, or 0 with no slots */
  guint          count;
  guint          n_dynamic;
  guint          aging_s;
  guint64        aging_ns;        /* 0: entries never age */
  CordTimer      sweep;
};

/* ---- VLAN sets ---------------------------------------------------------- */

static inline gboolean
words_get (const guint64 *words,
           guint          vid)
{
  return (words[(vid >> 6) & 63] >> (vid & 63)) & 1;
}

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

  memset (words, 0xff, VLAN_WORDS * sizeof (guint64));
  words_set (words, 0, FALSE);
  words_set (words, 4095, FALSE);
}

static void
words_to_bytes (const guint64 *words,
                guint8        *bytes)
{
  g_assert (words != NULL && bytes != NULL);

  for (guint w = 0; w < VLAN_WORDS; w++)
    for (guint k = 0; k < 8; k++)
      bytes[w * 8 + k] = (guint8) (words[w] >> (8 * k));
}

static void
bytes_to_words (const guint8 *bytes,
                guint64      *words)
{
  g_assert (words != NULL && bytes != NULL);

  for (guint w = 0; w < VLAN_WORDS; w++)
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
vlan_exists (const Switch *sw,
             guint         vid)
{
  g_assert (sw != NULL);

  return vid >= CORD_FRAME_VID_MIN && vid <= CORD_FRAME_VID_MAX &&
         g_hash_table_contains (sw->vlan_names, GUINT_TO_POINTER (vid));
}

static void
vlan_insert (Switch     *sw,
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

static void
port_reset (SwPort *p)
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

static inline gboolean
port_is_up (const SwPort *p)
{
  return p->sp->admin_up && p->sp->line_up;
}

/* Whether frames of @vid may cross @p in its operational mode. */
static inline gboolean
port_carries (const SwPort *p,
              guint         vid)
{
  if (p->trunk)
    return words_get (p->allowed, vid);
  return p->access_vlan == vid;
}

/* ---- The MAC table ------------------------------------------------------ */

static inline guint64
mac_key (guint          vid,
         const CordMac *mac)
{
  const guint8 *b = mac->b;

  return ((guint64) vid << 48) |
         ((guint64) b[0] << 40) | ((guint64) b[1] << 32) | ((guint64) b[2] << 24) |
         ((guint64) b[3] << 16) | ((guint64) b[4] << 8) | (guint64) b[5];
}

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

/* MurmurHash3's finaliser: every key bit, the VLAN's included, reaches
 * the low bits taken here. */
static inline guint
key_slot (guint64 key,
          guint   mask)
{
  key ^= key >> 33;
  key *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  key ^= key >> 33;
  return (guint) key & mask;
}

static inline gboolean
slot_expired (const Switch  *sw,
              const MacSlot *s,
              guint64        now)
{
  /* An entry refreshed at t is gone for lookups at t + aging. */
  return !s->is_static && sw->aging_ns != 0 && now - s->last_seen >= sw->aging_ns;
}

static inline MacSlot *
mac_find (Switch  *sw,
          guint64  key)
{
  guint i;

  if (sw->slots == NULL)
    return NULL;
  for (i = key_slot (key, sw->mask); sw->slots[i].key != 0; i = (i + 1) & sw->mask)
    if (sw->slots[i].key == key)
      return &sw->slots[i];
  return NULL;
}

/* Removes slot @i by shifting the rest of its cluster back, so lookups
 * never meet tombstones. */
static void
mac_delete_at (Switch *sw,
               guint   i)
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
      k = key_slot (sw->slots[j].key, sw->mask);
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
mac_place (MacSlot       *slots,
           guint          mask,
           const MacSlot *entry)
{
  guint i;

  g_assert (slots != NULL && entry != NULL);

  for (i = key_slot (entry->key, mask); slots[i].key != 0; i = (i + 1) & mask)
    ;
  slots[i] = *entry;
}

static void
mac_grow (Switch *sw)
{
  guint n = sw->slots != NULL ? (sw->mask + 1) * 2 : MAC_TABLE_MIN_SLOTS;
  MacSlot *slots = g_new0 (MacSlot, n);

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
sweep_schedule (Switch  *sw,
                guint64  at)
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
static MacSlot *
mac_insert (Switch   *sw,
            guint64   key,
            SwPort   *port,
            gboolean  is_static,
            guint64   now)
{
  MacSlot entry = { key, is_static ? 0 : now, port, is_static };
  MacSlot *slot;

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
  slot = mac_find (sw, key);
  g_assert (slot != NULL);
  return slot;
}

typedef gboolean (*MacPredicate) (const Switch  *sw,
                                  const MacSlot *slot,
                                  gconstpointer  data);

/* Deletes every entry @drop picks. A deletion can pull a later entry
 * into slot i, so i is examined again before moving on; an entry pulled
 * back across the wrap is merely examined twice. */
static void
mac_remove_if (Switch       *sw,
               MacPredicate  drop,
               gconstpointer data)
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
drop_dynamic (const Switch  *sw G_GNUC_UNUSED,
              const MacSlot *slot,
              gconstpointer  data G_GNUC_UNUSED)
{
  return !slot->is_static;
}

static gboolean
drop_dynamic_on_port (const Switch  *sw G_GNUC_UNUSED,
                      const MacSlot *slot,
                      gconstpointer  data)
{
  return !slot->is_static && slot->port == data;
}

static gboolean
drop_any_on_port (const Switch  *sw G_GNUC_UNUSED,
                  const MacSlot *slot,
                  gconstpointer  data)
{
  return slot->port == data;
}

static gboolean
drop_dynamic_in_vlan (const Switch  *sw G_GNUC_UNUSED,
                      const MacSlot *slot,
                      gconstpointer  data)
{
  return !slot->is_static && key_vid (slot->key) == GPOINTER_TO_UINT (data);
}

static gboolean
drop_any_in_vlan (const Switch  *sw G_GNUC_UNUSED,
                  const MacSlot *slot,
                  gconstpointer  data)
{
  return key_vid (slot->key) == GPOINTER_TO_UINT (data);
}

static gboolean
drop_dynamic_address (const Switch  *sw G_GNUC_UNUSED,
                      const MacSlot *slot,
                      gconstpointer  data)
{
  const guint64 *mac = data;

  return !slot->is_static && (slot->key & G_GUINT64_CONSTANT (0xffffffffffff)) == *mac;
}

static gboolean
drop_expired (const Switch  *sw,
              const MacSlot *slot,
              gconstpointer  data)
{
  return slot_expired (sw, slot, *(const guint64 *) data);
}

static void
mac_clear_all (Switch *sw)
{
  g_assert (sw != NULL);

  g_clear_pointer (&sw->slots, g_free);
  sw->mask = 0;
  sw->count = 0;
  sw->n_dynamic = 0;
  cord_timer_stop (_cord_sim_device_engine (sw->dev), &sw->sweep);
}

static void
sweep_run (Switch  *sw,
           guint64  now)
{
  guint64 oldest = G_MAXUINT64;

  g_assert (sw != NULL);

  mac_remove_if (sw, drop_expired, &now);
  if (sw->n_dynamic == 0 || sw->aging_ns == 0)
    return;
  for (guint i = 0; i <= sw->mask; i++)
    if (sw->slots[i].key != 0 && !sw->slots[i].is_static)
      oldest = MIN (oldest, sw->slots[i].last_seen);
  sweep_schedule (sw, MAX (oldest + sw->aging_ns, now + SWEEP_MIN_INTERVAL_NS));
}

static void
sweep_fired (CordEngine *engine,
             gpointer    a,
             gpointer    b G_GNUC_UNUSED)
{
  sweep_run (a, cord_engine_now (engine));
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

static Switch *
switch_get (CordSimDevice *dev)
{
  Switch *sw;

  g_assert (dev != NULL && dev->ops == &_cord_switch_ops);

  if (dev->impl != NULL)
    return dev->impl;

  sw = g_new0 (Switch, 1);
  sw->dev = dev;
  sw->bridge = dev->device->model->kind == CORD_KIND_BRIDGE;
  sw->isl_capable = dev->device->model->kind == CORD_KIND_L3SWITCH;
  sw->default_mode = model_default_mode (dev->device->model);
  sw->ports = g_ptr_array_new_with_free_func (g_free);
  sw->vlan_names = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  vlan_insert (sw, 1, NULL);
  for (guint vid = CORD_SWITCH_VLAN_FDDI_DEFAULT; vid <= CORD_SWITCH_VLAN_TRNET_DEFAULT; vid++)
    vlan_insert (sw, vid, NULL);
  sw->aging_s = CORD_SWITCH_AGING_DEFAULT;
  sw->aging_ns = CORD_SWITCH_AGING_DEFAULT * CORD_ENGINE_NS_PER_SEC;
  cord_timer_init (&sw->sweep, sweep_fired, sw);
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
emit (Switch     *sw,
      SwPort     *out,
      CordFrame  *frame,
      gboolean    in_tagged,
      guint       vid,
      CordFrame **tagged,
      CordFrame **untagged)
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
is_link_local (const Switch  *sw,
               const CordMac *dst)
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
  Switch *sw = dev->impl;
  SwPort *in = sp->l2;
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
      if (!(words_get (in->allowed, vid) && words_get (sw->fwd_vlans, vid)))
        {
          _cord_sim_port_input_drop (sp);
          return;
        }
    }
  else
    {
      vid = in->access_vlan;
      if (l2->tagged || !words_get (sw->fwd_vlans, vid))
        {
          _cord_sim_port_input_drop (sp);
          return;
        }
    }

  now = _cord_sim_now (dev);

  /* Learn the source, refreshing an existing entry in place. */
  if (!(l2->src.b[0] & 0x01))
    {
      guint64 key = mac_key (vid, &l2->src);
      MacSlot *s = mac_find (sw, key);

      if (s == NULL)
        mac_insert (sw, key, in, FALSE, now);
      else if (!s->is_static)
        {
          s->last_seen = now;
          s->port = in;
        }
    }

  if (!(l2->dst.b[0] & 0x01))
    {
      MacSlot *s = mac_find (sw, mac_key (vid, &l2->dst));

      if (s != NULL && !slot_expired (sw, s, now))
        {
          SwPort *out = s->port;

          /* Already on the right segment. */
          if (out == in)
            return;
          if (port_is_up (out) && port_carries (out, vid))
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
      SwPort *out = g_ptr_array_index (sw->ports, i);

      if (out != in && port_is_up (out) && (sw->bridge || port_carries (out, vid)))
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
  Switch *sw = switch_get (dev);
  SwPort *p;

  g_assert (sp != NULL);

  if (!port_is_ethernet (sp->port) || sp->l2 != NULL)
    return;
  p = g_new0 (SwPort, 1);
  p->sw = sw;
  p->sp = sp;
  port_reset (p);
  sp->l2 = p;
  g_ptr_array_add (sw->ports, p);
}

static void
switch_port_removed (CordSimDevice *dev,
                     CordSimPort   *sp)
{
  Switch *sw = dev->impl;
  SwPort *p = sp->l2;

  if (sw == NULL || p == NULL)
    return;
  mac_remove_if (sw, drop_any_on_port, p);
  sp->l2 = NULL;
  g_ptr_array_remove (sw->ports, p);
}

static void
switch_port_changed (CordSimDevice *dev,
                     CordSimPort   *sp)
{
  Switch *sw = dev->impl;
  SwPort *p = sp->l2;

  /* IOS forgets what it learned on a port whose link goes down. */
  if (sw != NULL && p != NULL && !port_is_up (p))
    mac_remove_if (sw, drop_dynamic_on_port, p);
}

static void
switch_power_changed (CordSimDevice *dev)
{
  Switch *sw = switch_get (dev);

  mac_clear_all (sw);
  if (!dev->device->powered)
    return;
  /* Booting: the running configuration is the factory one until the
   * startup-config is replayed. The VLAN database is in flash and stays. */
  for (guint i = 0; i < sw->ports->len; i++)
    port_reset (g_ptr_array_index (sw->ports, i));
  sw->aging_s = CORD_SWITCH_AGING_DEFAULT;
  sw->aging_ns = CORD_SWITCH_AGING_DEFAULT * CORD_ENGINE_NS_PER_SEC;
}

static void
switch_free (CordSimDevice *dev)
{
  Switch *sw = dev->impl;

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

/* ---- Public API: lookups and checks ------------------------------------- */

static CordSimDevice *
sim_device (CordSim    *sim,
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
static Switch *
get_switch (CordSim     *sim,
            CordDevice  *device,
            gboolean     vlans,
            GError     **error)
{
  CordSimDevice *dev = sim_device (sim, device);
  Switch *sw;

  if (dev == NULL)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_NOT_SUPPORTED,
                   _("%s (%s) is not a switch"), device->name, device->model->name);
      return NULL;
    }
  sw = switch_get (dev);
  if (vlans && sw->bridge)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_NOT_SUPPORTED,
                   _("%s: Bridge-PT has no VLAN configuration; it bridges all its ports as one LAN"),
                   device->name);
      return NULL;
    }
  return sw;
}

static SwPort *
get_port (CordSim   *sim,
          CordPort  *port,
          GError   **error)
{
  Switch *sw = get_switch (sim, port->device, TRUE, error);
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

/* A port that can read its settings: bridge ports included. */
static SwPort *
find_port (CordSim  *sim,
           CordPort *port)
{
  CordSimDevice *dev = sim_device (sim, port->device);
  CordSimPort *sp;

  if (dev == NULL)
    return NULL;
  switch_get (dev);
  sp = _cord_sim_port_get (port);
  return sp != NULL ? sp->l2 : NULL;
}

static gboolean
check_vid (guint    vid,
           GError **error)
{
  if (vid >= CORD_FRAME_VID_MIN && vid <= CORD_FRAME_VID_MAX)
    return TRUE;
  g_set_error (error, CORD_ERROR, CORD_ERROR_INVALID,
               _("VLAN %u is out of range; VLANs are numbered 1 to 4094"), vid);
  return FALSE;
}

/* Access and native VLANs must carry Ethernet. */
static gboolean
check_ethernet_vid (guint    vid,
                    GError **error)
{
  if (!check_vid (vid, error))
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
port_config_changed (SwPort *p)
{
  g_assert (p != NULL);

  mac_remove_if (p->sw, drop_dynamic_on_port, p);
}

/* ---- Public API: devices ------------------------------------------------ */

gboolean
cord_switch_is_switch (CordSim    *sim,
                       CordDevice *device)
{
  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (device != NULL, FALSE);

  return sim_device (sim, device) != NULL;
}

gboolean
cord_switch_has_vlans (CordSim    *sim,
                       CordDevice *device)
{
  CordSimDevice *dev;

  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (device != NULL, FALSE);

  dev = sim_device (sim, device);
  return dev != NULL && !switch_get (dev)->bridge;
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
  Switch *sw;

  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (device != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  sw = get_switch (sim, device, TRUE, error);
  if (sw == NULL || !check_vid (vid, error))
    return FALSE;
  if (vlan_exists (sw, vid))
    return name == NULL || cord_switch_vlan_set_name (sim, device, vid, name, error);
  if (name != NULL && !check_vlan_name (name, error))
    return FALSE;
  vlan_insert (sw, vid, name);
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
  Switch *sw;

  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (device != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  sw = get_switch (sim, device, TRUE, error);
  if (sw == NULL || !check_vid (vid, error))
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
  mac_remove_if (sw, drop_any_in_vlan, GUINT_TO_POINTER (vid));
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
  Switch *sw;

  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (device != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  sw = get_switch (sim, device, TRUE, error);
  if (sw == NULL || !check_vid (vid, error))
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
  vlan_insert (sw, vid, name);
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

  dev = sim_device (sim, device);
  return dev != NULL && vlan_exists (switch_get (dev), vid);
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
  Switch *sw;
  GArray *out;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (sim != NULL, NULL);
  g_return_val_if_fail (device != NULL, NULL);

  dev = sim_device (sim, device);
  if (dev == NULL)
    return NULL;
  sw = switch_get (dev);
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
  Switch *sw;
  GPtrArray *out;

  g_return_val_if_fail (sim != NULL, NULL);
  g_return_val_if_fail (device != NULL, NULL);

  dev = sim_device (sim, device);
  if (dev == NULL)
    return NULL;
  sw = switch_get (dev);
  out = g_ptr_array_new ();
  if (!vlan_exists (sw, vid))
    return out;
  for (guint i = 0; i < sw->ports->len; i++)
    {
      SwPort *p = g_ptr_array_index (sw->ports, i);

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
  SwPort *p;

  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (port != NULL, FALSE);
  g_return_val_if_fail ((guint) mode <= CORD_SWITCHPORT_DYNAMIC_DESIRABLE, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  p = get_port (sim, port, error);
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
cord_switch_port_set_encapsulation (CordSim                *sim,
                                    CordPort               *port,
                                    CordTrunkEncapsulation  encap,
                                    GError                **error)
{
  SwPort *p;

  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (port != NULL, FALSE);
  g_return_val_if_fail ((guint) encap <= CORD_TRUNK_ENCAP_ISL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  p = get_port (sim, port, error);
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
  SwPort *p;

  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (port != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (created != NULL)
    *created = FALSE;
  p = get_port (sim, port, error);
  if (p == NULL || !check_ethernet_vid (vid, error))
    return FALSE;
  if (!vlan_exists (p->sw, vid))
    {
      vlan_insert (p->sw, vid, NULL);
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
  SwPort *p;

  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (port != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  p = get_port (sim, port, error);
  if (p == NULL || !check_ethernet_vid (vid, error))
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
update_allowed (CordSim       *sim,
                CordPort      *port,
                AllowedOp      op,
                const guint64 *words,
                GError       **error)
{
  SwPort *p = get_port (sim, port, error);

  g_assert (words != NULL);

  if (p == NULL)
    return FALSE;
  for (guint w = 0; w < VLAN_WORDS; w++)
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
cord_switch_port_set_allowed (CordSim      *sim,
                              CordPort     *port,
                              const guint8  bitmap[CORD_VLAN_BITMAP_BYTES],
                              GError      **error)
{
  guint64 words[VLAN_WORDS];

  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (port != NULL, FALSE);
  g_return_val_if_fail (bitmap != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes_to_words (bitmap, words);
  return update_allowed (sim, port, ALLOWED_SET, words, error);
}

gboolean
cord_switch_port_allowed_add (CordSim      *sim,
                              CordPort     *port,
                              const guint8  bitmap[CORD_VLAN_BITMAP_BYTES],
                              GError      **error)
{
  guint64 words[VLAN_WORDS];

  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (port != NULL, FALSE);
  g_return_val_if_fail (bitmap != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes_to_words (bitmap, words);
  return update_allowed (sim, port, ALLOWED_ADD, words, error);
}

gboolean
cord_switch_port_allowed_remove (CordSim      *sim,
                                 CordPort     *port,
                                 const guint8  bitmap[CORD_VLAN_BITMAP_BYTES],
                                 GError      **error)
{
  guint64 words[VLAN_WORDS];

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
  guint64 words[VLAN_WORDS];

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
  guint64 words[VLAN_WORDS] = { 0 };

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
  SwPort *p;

  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (port != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  p = get_port (sim, port, error);
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
  SwPort *p;

  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (port != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  p = get_port (sim, port, error);
  if (p == NULL)
    return FALSE;
  port_reset (p);
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
  SwPort *p;

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
  SwPort *p;

  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (port != NULL, FALSE);

  p = find_port (sim, port);
  if (p == NULL || vid < CORD_FRAME_VID_MIN || vid > CORD_FRAME_VID_MAX)
    return FALSE;
  return port_carries (p, vid);
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
  Switch *sw;
  GArray *out;
  guint64 now;

  g_return_val_if_fail (sim != NULL, NULL);
  g_return_val_if_fail (device != NULL, NULL);

  dev = sim_device (sim, device);
  if (dev == NULL)
    return NULL;
  sw = switch_get (dev);
  now = _cord_sim_now (dev);
  out = g_array_sized_new (FALSE, TRUE, sizeof (CordMacEntry), sw->count);
  for (guint i = 0; sw->slots != NULL && i <= sw->mask; i++)
    {
      const MacSlot *s = &sw->slots[i];
      CordMacEntry e;

      if (s->key == 0 || slot_expired (sw, s, now))
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
  Switch *sw;

  g_return_if_fail (sim != NULL);
  g_return_if_fail (device != NULL);
  g_return_if_fail (port == NULL || port->device == device);

  dev = sim_device (sim, device);
  if (dev == NULL)
    return;
  sw = switch_get (dev);
  if (port == NULL)
    mac_remove_if (sw, drop_dynamic, NULL);
  else
    {
      CordSimPort *sp = _cord_sim_port_get (port);

      if (sp != NULL && sp->l2 != NULL)
        mac_remove_if (sw, drop_dynamic_on_port, sp->l2);
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

  dev = sim_device (sim, device);
  if (dev != NULL)
    mac_remove_if (switch_get (dev), drop_dynamic_in_vlan, GUINT_TO_POINTER (vid));
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

  dev = sim_device (sim, device);
  if (dev == NULL)
    return;
  key = mac_key (0, mac);
  mac_remove_if (switch_get (dev), drop_dynamic_address, &key);
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
  Switch *sw;
  SwPort *p;
  MacSlot *s;
  guint64 key;

  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (device != NULL, FALSE);
  g_return_val_if_fail (mac != NULL, FALSE);
  g_return_val_if_fail (port != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  sw = get_switch (sim, device, TRUE, error);
  if (sw == NULL || !check_ethernet_vid (vid, error))
    return FALSE;
  if (port->device != device)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_UNKNOWN_PORT,
                   _("%s is a port of %s, not of %s"), port->name,
                   port->device->name, device->name);
      return FALSE;
    }
  p = get_port (sim, port, error);
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
  key = mac_key (vid, mac);
  s = mac_find (sw, key);
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
  if (mac_insert (sw, key, p, TRUE, 0) == NULL)
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
  Switch *sw;
  MacSlot *s;

  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (device != NULL, FALSE);
  g_return_val_if_fail (mac != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  sw = get_switch (sim, device, TRUE, error);
  if (sw == NULL || !check_vid (vid, error))
    return FALSE;
  s = mac_find (sw, mac_key (vid, mac));
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
  Switch *sw;
  guint64 now;

  g_return_val_if_fail (sim != NULL, FALSE);
  g_return_val_if_fail (device != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  sw = get_switch (sim, device, TRUE, error);
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

  dev = sim_device (sim, device);
  return dev != NULL ? switch_get (dev)->aging_s : 0;
}
