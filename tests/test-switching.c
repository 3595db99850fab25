/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for switches and bridges: learning, flooding, VLANs, 802.1Q trunks, aging and the switchport API. */
#include "config.h"

#include <string.h>

#include "cord-error.h"
#include "sim.h"
#include "switching.h"
#include "test-util.h"

#define MS CORD_ENGINE_NS_PER_MS
#define SEC CORD_ENGINE_NS_PER_SEC

/* A frame a switch handed to a wire. */
typedef struct {
  guint64          time;
  CordPort        *from;
  CordPort        *to;
  const CordFrame *frame;     /* identity only: the frame may be gone */
  GBytes          *bytes;
} Sent;

#define NET_EXTRA_FIELDS  GArray *sent;
#include "net-util.h"

static void
sent_clear (gpointer data)
{
  Sent *s = data;

  g_clear_pointer (&s->bytes, g_bytes_unref);
}

static void
on_frame (CordSim                 *sim,
          const CordSimFrameEvent *event,
          gpointer                 data)
{
  Net *lab = data;
  Sent s = { event->time, event->from, event->to, event->frame,
             g_bytes_new (event->frame->data, event->frame->len) };

  g_array_append_val (lab->sent, s);
}

static void
net_init (Net *lab)
{
  net_init_sim (lab);
  lab->sent = g_array_new (FALSE, TRUE, sizeof (Sent));
  g_array_set_clear_func (lab->sent, sent_clear);
  cord_sim_set_frame_hook (lab->sim, on_frame, lab);
}

static void
net_clear (Net *lab)
{
  net_clear_sim (lab);
  g_clear_pointer (&lab->sent, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Net, net_clear)

/* An automatic cable from @a to @b, whose port @pa must come up. */
static void
cable_up (Net        *lab,
          CordDevice *a,
          const char *pa,
          CordDevice *b,
          const char *pb)
{
  link_ports (lab, a, pa, b, pb, CORD_CABLE_AUTO);
  ck_assert (cord_sim_port_is_up (lab->sim, port (a, pa)));
}

/* A PC named @name on @sw's port @sw_port. */
static CordDevice *
add_pc (Net        *lab,
        CordDevice *sw,
        const char *sw_port,
        const char *name)
{
  CordDevice *pc = add (lab, "PC-PT", name);

  cable_up (lab, sw, sw_port, pc, "FastEthernet0");
  return pc;
}

static CordMac
mac (guint8 n)
{
  CordMac m = { { 0x00, 0x01, 0x42, 0xaa, 0x00, n } };

  return m;
}

/* A frame of a local experimental ethertype, which end devices ignore:
 * 20 bytes of payload, padded to the 60-byte minimum. */
static CordFrame *
eth (CordMac  dst,
     CordMac  src,
     guint16  vid)
{
  guint8 payload[20];

  for (guint i = 0; i < sizeof payload; i++)
    payload[i] = (guint8) (0xa0 + i);
  return cord_frame_build_ethernet (&dst, &src, vid, 0x88b5, payload, sizeof payload);
}

/* Forgets what was sent, hands @frame to @in as if from its peer, and
 * lets it travel for 10 ms. */
static void
arrive (Net       *lab,
      CordPort  *in,
      CordFrame *frame)
{
  g_array_set_size (lab->sent, 0);
  cord_sim_inject (lab->sim, in, frame->data, frame->len);
  cord_frame_unref (frame);
  cord_engine_run_for (lab->engine, 10 * MS);
}

/* The ports @device sent frames from, in order, comma-separated. */
static char *
outs (Net        *lab,
      CordDevice *device)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < lab->sent->len; i++)
    {
      const Sent *e = &g_array_index (lab->sent, Sent, i);

      if (e->from->device != device)
        continue;
      if (s->len > 0)
        g_string_append_c (s, ',');
      g_string_append (s, e->from->name);
    }
  return g_strdup (s->str);
}

#define assert_outs(lab, device, expected) \
  G_STMT_START { \
    g_autofree char *got_ = outs ((lab), (device)); \
    ck_assert_str_eq (got_, (expected)); \
  } G_STMT_END

/* The bytes of the first frame sent out of @from. */
static GBytes *
bytes_from (Net      *lab,
            CordPort *from)
{
  for (guint i = 0; i < lab->sent->len; i++)
    {
      const Sent *e = &g_array_index (lab->sent, Sent, i);

      if (e->from == from)
        return e->bytes;
    }
  ck_abort_msg ("nothing was sent out of %s %s", from->device->name, from->name);
  return NULL;
}

static void
assert_bytes (GBytes       *got,
              const guint8 *expected,
              gsize         len)
{
  gsize n;
  const guint8 *data = g_bytes_get_data (got, &n);

  ck_assert_uint_eq (n, len);
  ck_assert_int_eq (memcmp (data, expected, len), 0);
}

static guint
table_len (Net        *lab,
           CordDevice *sw)
{
  g_autoptr(GArray) table = cord_switch_get_mac_table (lab->sim, sw);

  ck_assert_ptr_nonnull (table);
  return table->len;
}

/* The port @sw learned @m on in @vid, or NULL. */
static CordPort *
learned (Net        *lab,
         CordDevice *sw,
         guint       vid,
         CordMac     m)
{
  g_autoptr(GArray) table = cord_switch_get_mac_table (lab->sim, sw);

  for (guint i = 0; i < table->len; i++)
    {
      const CordMacEntry *e = &g_array_index (table, CordMacEntry, i);

      if (e->vid == vid && cord_frame_mac_equal (&e->mac, &m))
        return e->port;
    }
  return NULL;
}

static void
access_vlan (Net        *lab,
             CordDevice *sw,
             const char *p,
             guint       vid)
{
  g_autoptr(GError) error = NULL;

  ck_assert_msg (cord_switch_port_set_mode (lab->sim, port (sw, p), CORD_SWITCHPORT_ACCESS, &error),
                 "%s", error ? error->message : "");
  ck_assert_msg (cord_switch_port_set_access_vlan (lab->sim, port (sw, p), vid, NULL, &error),
                 "%s", error ? error->message : "");
}

static void
trunk (Net        *lab,
       CordDevice *sw,
       const char *p)
{
  g_autoptr(GError) error = NULL;

  ck_assert_msg (cord_switch_port_set_mode (lab->sim, port (sw, p), CORD_SWITCHPORT_TRUNK, &error),
                 "%s", error ? error->message : "");
}

static char *
port_list (GPtrArray *ports)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < ports->len; i++)
    {
      if (i > 0)
        g_string_append_c (s, ',');
      g_string_append (s, ((CordPort *) ports->pdata[i])->name);
    }
  return g_strdup (s->str);
}

/* ---- Defaults ----------------------------------------------------------- */

START_TEST (test_defaults)
{
  g_auto(Net) lab = { 0 };
  g_autoptr(GArray) vlans = NULL;
  g_autoptr(GPtrArray) ports = NULL;
  g_autofree char *allowed = NULL;
  static const char * const names[] = {
    "default", "fddi-default", "token-ring-default", "fddinet-default", "trnet-default",
  };
  static const guint vids[] = { 1, 1002, 1003, 1004, 1005 };
  CordSwitchportInfo info;
  CordDevice *s1, *s2950, *s3560, *bridge, *pc;

  net_init (&lab);
  s1 = add (&lab, "2960-24TT", "S1");
  s2950 = add (&lab, "2950-24", "S2");
  s3560 = add (&lab, "3560-24PS", "MLS1");
  bridge = add (&lab, "Bridge-PT", "Bridge0");
  pc = add (&lab, "PC-PT", "PC0");

  ck_assert (cord_switch_is_switch (lab.sim, s1));
  ck_assert (cord_switch_is_switch (lab.sim, s3560));
  ck_assert (cord_switch_is_switch (lab.sim, bridge));
  ck_assert (!cord_switch_is_switch (lab.sim, pc));
  ck_assert (cord_switch_has_vlans (lab.sim, s1));
  ck_assert (!cord_switch_has_vlans (lab.sim, bridge));
  ck_assert (!cord_switch_has_vlans (lab.sim, pc));
  ck_assert_ptr_null (cord_switch_list_vlans (lab.sim, pc));
  ck_assert_ptr_null (cord_switch_get_mac_table (lab.sim, pc));

  vlans = cord_switch_list_vlans (lab.sim, s1);
  ck_assert_uint_eq (vlans->len, 5);
  for (guint i = 0; i < 5; i++)
    {
      const CordVlanInfo *v = &g_array_index (vlans, CordVlanInfo, i);

      ck_assert_uint_eq (v->vid, vids[i]);
      ck_assert_str_eq (v->name, names[i]);
      ck_assert (v->default_vlan);
      ck_assert (v->active);
      ck_assert (v->ethernet == (i == 0));
    }

  /* Every port starts in VLAN 1, as `show vlan brief` lists them. */
  ports = cord_switch_vlan_ports (lab.sim, s1, 1);
  ck_assert_uint_eq (ports->len, 26);
  ck_assert_str_eq (((CordPort *) ports->pdata[0])->name, "FastEthernet0/1");
  ck_assert_str_eq (((CordPort *) ports->pdata[23])->name, "FastEthernet0/24");
  ck_assert_str_eq (((CordPort *) ports->pdata[25])->name, "GigabitEthernet0/2");
  g_clear_pointer (&ports, g_ptr_array_unref);
  ports = cord_switch_vlan_ports (lab.sim, s1, 1002);
  ck_assert_uint_eq (ports->len, 0);

  ck_assert (cord_switch_port_get_info (lab.sim, port (s1, "FastEthernet0/1"), &info));
  ck_assert_int_eq (info.admin_mode, CORD_SWITCHPORT_DYNAMIC_AUTO);
  ck_assert_int_eq (info.oper_mode, CORD_SWITCHPORT_ACCESS);
  ck_assert_int_eq (info.admin_encap, CORD_TRUNK_ENCAP_DOT1Q);
  ck_assert_uint_eq (info.access_vlan, 1);
  ck_assert_uint_eq (info.native_vlan, 1);
  ck_assert (!info.nonegotiate);
  ck_assert (!cord_vlan_bitmap_get (info.allowed, 0));
  ck_assert (cord_vlan_bitmap_get (info.allowed, 1));
  ck_assert (cord_vlan_bitmap_get (info.allowed, 4094));
  ck_assert (!cord_vlan_bitmap_get (info.allowed, 4095));
  allowed = cord_vlan_bitmap_format (info.allowed);
  ck_assert_str_eq (allowed, "1-4094");
  ck_assert (cord_switch_port_allows (lab.sim, port (s1, "FastEthernet0/1"), 1));
  ck_assert (!cord_switch_port_allows (lab.sim, port (s1, "FastEthernet0/1"), 2));
  ck_assert_uint_eq (cord_switch_get_aging_time (lab.sim, s1), 300);
  ck_assert_uint_eq (table_len (&lab, s1), 0);

  /* The 2950 generation defaults to dynamic desirable; the 3560, which
   * also knows ISL, negotiates its trunk encapsulation. */
  ck_assert (cord_switch_port_get_info (lab.sim, port (s2950, "FastEthernet0/1"), &info));
  ck_assert_int_eq (info.admin_mode, CORD_SWITCHPORT_DYNAMIC_DESIRABLE);
  ck_assert_int_eq (info.oper_mode, CORD_SWITCHPORT_ACCESS);
  ck_assert (cord_switch_port_get_info (lab.sim, port (s3560, "GigabitEthernet0/1"), &info));
  ck_assert_int_eq (info.admin_mode, CORD_SWITCHPORT_DYNAMIC_AUTO);
  ck_assert_int_eq (info.admin_encap, CORD_TRUNK_ENCAP_NEGOTIATE);

  /* Bridge ports read as access ports of VLAN 1; consoles are no switch ports. */
  ck_assert (cord_switch_port_get_info (lab.sim, port (bridge, "Ethernet0/1"), &info));
  ck_assert_int_eq (info.oper_mode, CORD_SWITCHPORT_ACCESS);
  ck_assert_uint_eq (info.access_vlan, 1);
  ck_assert (!cord_switch_port_get_info (lab.sim, port (s1, "Console"), &info));
  ck_assert (!cord_switch_port_get_info (lab.sim, port (pc, "FastEthernet0"), &info));
}
END_TEST

START_TEST (test_bitmap_format)
{
  guint8 set[CORD_VLAN_BITMAP_BYTES] = { 0 };
  g_autofree char *none = NULL;
  g_autofree char *list = NULL;
  g_autofree char *ranges = NULL;

  none = cord_vlan_bitmap_format (set);
  ck_assert_str_eq (none, "none");
  cord_vlan_bitmap_set (set, 1, TRUE);
  cord_vlan_bitmap_set (set, 10, TRUE);
  cord_vlan_bitmap_set (set, 20, TRUE);
  cord_vlan_bitmap_set (set, 30, TRUE);
  cord_vlan_bitmap_set (set, 99, TRUE);
  list = cord_vlan_bitmap_format (set);
  ck_assert_str_eq (list, "1,10,20,30,99");
  /* Two neighbours are listed, three or more make a range (as IOS). */
  memset (set, 0, sizeof set);
  cord_vlan_bitmap_set (set, 2, TRUE);
  cord_vlan_bitmap_set (set, 3, TRUE);
  cord_vlan_bitmap_set_range (set, 10, 12);
  cord_vlan_bitmap_set_range (set, 1000, 4094);
  cord_vlan_bitmap_set (set, 1001, FALSE);
  ranges = cord_vlan_bitmap_format (set);
  ck_assert_str_eq (ranges, "2,3,10-12,1000,1002-4094");
}
END_TEST

/* ---- Learning and flooding ---------------------------------------------- */

START_TEST (test_learn_then_unicast)
{
  g_auto(Net) lab = { 0 };
  g_autoptr(GArray) table = NULL;
  CordDevice *s1;
  CordPort *p1, *p2, *p3;
  CordMac a = mac (0xa), b = mac (0xb), c = mac (0xc), group = { { 0x01, 0x00, 0x5e, 0, 0, 1 } };

  net_init (&lab);
  s1 = add (&lab, "2960-24TT", "S1");
  for (guint i = 1; i <= 4; i++)
    {
      g_autofree char *sp = g_strdup_printf ("FastEthernet0/%u", i);
      g_autofree char *name = g_strdup_printf ("PC%u", i);

      add_pc (&lab, s1, sp, name);
    }
  p1 = port (s1, "FastEthernet0/1");
  p2 = port (s1, "FastEthernet0/2");
  p3 = port (s1, "FastEthernet0/3");

  /* Unknown destination: flooded to every other up port, not back. */
  arrive (&lab, p1, eth (b, a, 0));
  assert_outs (&lab, s1, "FastEthernet0/2,FastEthernet0/3,FastEthernet0/4");
  ck_assert_ptr_eq (learned (&lab, s1, 1, a), p1);

  /* The reply goes to A's port alone, and now B is known too. */
  arrive (&lab, p2, eth (a, b, 0));
  assert_outs (&lab, s1, "FastEthernet0/1");
  arrive (&lab, p1, eth (b, a, 0));
  assert_outs (&lab, s1, "FastEthernet0/2");

  table = cord_switch_get_mac_table (lab.sim, s1);
  ck_assert_uint_eq (table->len, 2);
  ck_assert (cord_frame_mac_equal (&g_array_index (table, CordMacEntry, 0).mac, &a));
  ck_assert_ptr_eq (g_array_index (table, CordMacEntry, 0).port, p1);
  ck_assert_uint_eq (g_array_index (table, CordMacEntry, 0).vid, 1);
  ck_assert (!g_array_index (table, CordMacEntry, 0).is_static);
  ck_assert (cord_frame_mac_equal (&g_array_index (table, CordMacEntry, 1).mac, &b));
  ck_assert_ptr_eq (g_array_index (table, CordMacEntry, 1).port, p2);

  /* A destination on the port the frame came in on is filtered. */
  arrive (&lab, p2, eth (b, c, 0));
  assert_outs (&lab, s1, "");
  ck_assert_ptr_eq (learned (&lab, s1, 1, c), p2);

  /* A station that moves is followed. */
  arrive (&lab, p3, eth (b, a, 0));
  assert_outs (&lab, s1, "FastEthernet0/2");
  ck_assert_ptr_eq (learned (&lab, s1, 1, a), p3);

  /* Multicast sources are never learned; broadcast floods. */
  arrive (&lab, p1, eth (cord_frame_mac_broadcast, group, 0));
  assert_outs (&lab, s1, "FastEthernet0/2,FastEthernet0/3,FastEthernet0/4");
  ck_assert_uint_eq (table_len (&lab, s1), 3);
}
END_TEST

START_TEST (test_vlans_isolated)
{
  g_auto(Net) lab = { 0 };
  g_autoptr(GPtrArray) v10 = NULL;
  g_autoptr(GPtrArray) v1 = NULL;
  g_autofree char *v10s = NULL;
  g_autofree char *v1s = NULL;
  CordDevice *s1;
  CordMac a = mac (0xa), x = mac (0x10), unknown = mac (0x77);

  net_init (&lab);
  s1 = add (&lab, "2960-24TT", "S1");
  for (guint i = 1; i <= 6; i++)
    {
      g_autofree char *sp = g_strdup_printf ("FastEthernet0/%u", i);
      g_autofree char *name = g_strdup_printf ("PC%u", i);

      add_pc (&lab, s1, sp, name);
    }
  access_vlan (&lab, s1, "FastEthernet0/1", 10);
  access_vlan (&lab, s1, "FastEthernet0/2", 10);
  access_vlan (&lab, s1, "FastEthernet0/3", 20);
  access_vlan (&lab, s1, "FastEthernet0/4", 20);
  /* 0/5 and 0/6 stay in VLAN 1. */

  arrive (&lab, port (s1, "FastEthernet0/1"), eth (cord_frame_mac_broadcast, a, 0));
  assert_outs (&lab, s1, "FastEthernet0/2");
  arrive (&lab, port (s1, "FastEthernet0/3"), eth (unknown, x, 0));
  assert_outs (&lab, s1, "FastEthernet0/4");
  arrive (&lab, port (s1, "FastEthernet0/5"), eth (cord_frame_mac_broadcast, mac (5), 0));
  assert_outs (&lab, s1, "FastEthernet0/6");

  /* X is known in VLAN 20 only: from VLAN 10 it is an unknown address. */
  arrive (&lab, port (s1, "FastEthernet0/2"), eth (x, mac (0x2), 0));
  assert_outs (&lab, s1, "FastEthernet0/1");
  ck_assert_ptr_eq (learned (&lab, s1, 20, x), port (s1, "FastEthernet0/3"));
  ck_assert_ptr_null (learned (&lab, s1, 10, x));

  /* The same address in two VLANs is two entries. */
  arrive (&lab, port (s1, "FastEthernet0/4"), eth (cord_frame_mac_broadcast, a, 0));
  assert_outs (&lab, s1, "FastEthernet0/3");
  ck_assert_ptr_eq (learned (&lab, s1, 10, a), port (s1, "FastEthernet0/1"));
  ck_assert_ptr_eq (learned (&lab, s1, 20, a), port (s1, "FastEthernet0/4"));

  v10 = cord_switch_vlan_ports (lab.sim, s1, 10);
  v10s = port_list (v10);
  ck_assert_str_eq (v10s, "FastEthernet0/1,FastEthernet0/2");
  v1 = cord_switch_vlan_ports (lab.sim, s1, 1);
  ck_assert_uint_eq (v1->len, 22);
  v1s = port_list (v1);
  ck_assert (g_str_has_prefix (v1s, "FastEthernet0/5,FastEthernet0/6,FastEthernet0/7,"));
}
END_TEST

/* ---- Trunks -------------------------------------------------------------- */

/* S1 and S2 joined by Gi0/1 as a trunk; on each, Fa0/1 in VLAN 10,
 * Fa0/2 in VLAN 20 and Fa0/3 in VLAN 1, each with a PC. */
static void
build_trunk_lab (Net         *lab,
                 CordDevice **s1,
                 CordDevice **s2)
{
  *s1 = add (lab, "2960-24TT", "S1");
  *s2 = add (lab, "2960-24TT", "S2");
  cable_up (lab, *s1, "GigabitEthernet0/1", *s2, "GigabitEthernet0/1");
  for (guint s = 0; s < 2; s++)
    {
      CordDevice *sw = s == 0 ? *s1 : *s2;

      for (guint i = 1; i <= 3; i++)
        {
          g_autofree char *sp = g_strdup_printf ("FastEthernet0/%u", i);
          g_autofree char *name = g_strdup_printf ("PC%u-%u", s + 1, i);

          add_pc (lab, sw, sp, name);
        }
      access_vlan (lab, sw, "FastEthernet0/1", 10);
      access_vlan (lab, sw, "FastEthernet0/2", 20);
      trunk (lab, sw, "GigabitEthernet0/1");
    }
}

START_TEST (test_trunk_tags)
{
  g_auto(Net) lab = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) v1 = NULL;
  g_autofree char *allowed = NULL;
  guint8 only20[CORD_VLAN_BITMAP_BYTES] = { 0 };
  CordSwitchportInfo info;
  CordDevice *s1, *s2;
  CordFrame *f;
  guint8 orig[60], tagged[64];
  CordMac a = mac (0xa);

  net_init (&lab);
  build_trunk_lab (&lab, &s1, &s2);
  ck_assert (cord_switch_port_get_info (lab.sim, port (s1, "GigabitEthernet0/1"), &info));
  ck_assert_int_eq (info.admin_mode, CORD_SWITCHPORT_TRUNK);
  ck_assert_int_eq (info.oper_mode, CORD_SWITCHPORT_TRUNK);
  /* A trunk is listed in no VLAN by `show vlan brief`. */
  v1 = cord_switch_vlan_ports (lab.sim, s1, 1);
  ck_assert_uint_eq (v1->len, 23);

  /* VLAN 10 from S1's Fa0/1: tagged 10 on the trunk, untagged at S2's Fa0/1. */
  f = eth (cord_frame_mac_broadcast, a, 0);
  ck_assert_uint_eq (f->len, 60);
  memcpy (orig, f->data, 60);
  arrive (&lab, port (s1, "FastEthernet0/1"), f);
  assert_outs (&lab, s1, "GigabitEthernet0/1");
  assert_outs (&lab, s2, "FastEthernet0/1");
  /* The tag goes after the source address; the padding stays. */
  memcpy (tagged, orig, 12);
  tagged[12] = 0x81; tagged[13] = 0x00; tagged[14] = 0x00; tagged[15] = 0x0a;
  memcpy (tagged + 16, orig + 12, 48);
  assert_bytes (bytes_from (&lab, port (s1, "GigabitEthernet0/1")), tagged, 64);
  assert_bytes (bytes_from (&lab, port (s2, "FastEthernet0/1")), orig, 60);
  ck_assert_ptr_eq (learned (&lab, s2, 10, a), port (s2, "GigabitEthernet0/1"));

  /* VLAN 20 gets tag 20. */
  arrive (&lab, port (s1, "FastEthernet0/2"), eth (cord_frame_mac_broadcast, mac (0x20), 0));
  assert_outs (&lab, s1, "GigabitEthernet0/1");
  assert_outs (&lab, s2, "FastEthernet0/2");
  {
    gsize n;
    const guint8 *d = g_bytes_get_data (bytes_from (&lab, port (s1, "GigabitEthernet0/1")), &n);

    ck_assert_uint_eq (n, 64);
    ck_assert_uint_eq (d[12], 0x81);
    ck_assert_uint_eq (d[13], 0x00);
    ck_assert_uint_eq (d[14], 0x00);
    ck_assert_uint_eq (d[15], 20);
  }

  /* The native VLAN crosses untagged, byte for byte. */
  f = eth (cord_frame_mac_broadcast, mac (0x1), 0);
  memcpy (orig, f->data, 60);
  arrive (&lab, port (s1, "FastEthernet0/3"), f);
  assert_outs (&lab, s1, "GigabitEthernet0/1");
  assert_outs (&lab, s2, "FastEthernet0/3");
  assert_bytes (bytes_from (&lab, port (s1, "GigabitEthernet0/1")), orig, 60);
  assert_bytes (bytes_from (&lab, port (s2, "FastEthernet0/3")), orig, 60);

  /* Unicast back to A crosses the trunk tagged and reaches A only. */
  arrive (&lab, port (s2, "FastEthernet0/1"), eth (a, mac (0xd), 0));
  assert_outs (&lab, s2, "GigabitEthernet0/1");
  assert_outs (&lab, s1, "FastEthernet0/1");

  /* Take VLAN 20 off S1's trunk: VLAN 20 stays on S1. */
  cord_vlan_bitmap_set (only20, 20, TRUE);
  ck_assert (cord_switch_port_allowed_remove (lab.sim, port (s1, "GigabitEthernet0/1"), only20, &error));
  ck_assert (!cord_switch_port_allows (lab.sim, port (s1, "GigabitEthernet0/1"), 20));
  ck_assert (cord_switch_port_allows (lab.sim, port (s1, "GigabitEthernet0/1"), 10));
  ck_assert (cord_switch_port_get_info (lab.sim, port (s1, "GigabitEthernet0/1"), &info));
  allowed = cord_vlan_bitmap_format (info.allowed);
  ck_assert_str_eq (allowed, "1-19,21-4094");
  arrive (&lab, port (s1, "FastEthernet0/2"), eth (cord_frame_mac_broadcast, mac (0x21), 0));
  assert_outs (&lab, s1, "");
  assert_outs (&lab, s2, "");
  /* And what S2 sends in VLAN 20 is dropped at S1's trunk, and counted. */
  arrive (&lab, port (s2, "FastEthernet0/2"), eth (cord_frame_mac_broadcast, mac (0x22), 0));
  assert_outs (&lab, s2, "GigabitEthernet0/1");
  assert_outs (&lab, s1, "");
  ck_assert_uint_eq (cord_sim_port_get_counters (lab.sim, port (s1, "GigabitEthernet0/1"))->in_drops, 1);

  /* Back in, and only VLAN 20 allowed: VLAN 10 stops at S1. */
  ck_assert (cord_switch_port_set_allowed (lab.sim, port (s1, "GigabitEthernet0/1"), only20, &error));
  arrive (&lab, port (s1, "FastEthernet0/1"), eth (cord_frame_mac_broadcast, a, 0));
  assert_outs (&lab, s1, "");
  arrive (&lab, port (s1, "FastEthernet0/2"), eth (cord_frame_mac_broadcast, mac (0x21), 0));
  assert_outs (&lab, s1, "GigabitEthernet0/1");
  assert_outs (&lab, s2, "FastEthernet0/2");
  ck_assert (cord_switch_port_allowed_none (lab.sim, port (s1, "GigabitEthernet0/1"), &error));
  arrive (&lab, port (s1, "FastEthernet0/2"), eth (cord_frame_mac_broadcast, mac (0x21), 0));
  assert_outs (&lab, s1, "");
  ck_assert (cord_switch_port_allowed_all (lab.sim, port (s1, "GigabitEthernet0/1"), &error));
  arrive (&lab, port (s1, "FastEthernet0/2"), eth (cord_frame_mac_broadcast, mac (0x21), 0));
  assert_outs (&lab, s1, "GigabitEthernet0/1");
  ck_assert (cord_switch_port_allowed_add (lab.sim, port (s1, "GigabitEthernet0/1"), only20, &error));
}
END_TEST

START_TEST (test_tag_removal_pads)
{
  g_auto(Net) lab = { 0 };
  CordDevice *s1, *s2;
  CordFrame *f;
  guint8 expected[60] = { 0 };
  CordMac a = mac (0xa), b = mac (0xb);

  net_init (&lab);
  build_trunk_lab (&lab, &s1, &s2);

  /* A minimum-size tagged frame, as if from S1, to S2's VLAN 10 port:
   * without its tag it would be 56 bytes, so it is padded with zeros. */
  f = eth (b, a, 10);
  ck_assert_uint_eq (f->len, 60);
  memcpy (expected, f->data, 12);
  memcpy (expected + 12, f->data + 16, 44);
  arrive (&lab, port (s2, "GigabitEthernet0/1"), f);
  assert_outs (&lab, s2, "FastEthernet0/1");
  assert_bytes (bytes_from (&lab, port (s2, "FastEthernet0/1")), expected, 60);

  /* A tag equal to the native VLAN is accepted, and leaves untagged. */
  f = eth (b, a, 1);
  memcpy (expected, f->data, 12);
  memcpy (expected + 12, f->data + 16, 44);
  arrive (&lab, port (s2, "GigabitEthernet0/1"), f);
  assert_outs (&lab, s2, "FastEthernet0/3");
  assert_bytes (bytes_from (&lab, port (s2, "FastEthernet0/3")), expected, 60);
}
END_TEST

START_TEST (test_native_vlan_mismatch)
{
  g_auto(Net) lab = { 0 };
  g_autoptr(GError) error = NULL;
  CordDevice *s1, *s2;
  CordFrame *f;
  guint8 orig[60];

  net_init (&lab);
  build_trunk_lab (&lab, &s1, &s2);
  add_pc (&lab, s2, "FastEthernet0/4", "PC2-4");
  access_vlan (&lab, s2, "FastEthernet0/4", 99);
  ck_assert (cord_switch_port_set_native_vlan (lab.sim, port (s2, "GigabitEthernet0/1"), 99, &error));

  /* As on real switches, untagged frames are classified by the receiving
   * end's native VLAN: S1's VLAN 1 leaks into S2's VLAN 99 and back. CDP
   * would report the mismatch; the data plane does not care. */
  f = eth (cord_frame_mac_broadcast, mac (0x1), 0);
  memcpy (orig, f->data, 60);
  arrive (&lab, port (s1, "FastEthernet0/3"), f);
  assert_outs (&lab, s1, "GigabitEthernet0/1");
  assert_bytes (bytes_from (&lab, port (s1, "GigabitEthernet0/1")), orig, 60);
  assert_outs (&lab, s2, "FastEthernet0/4");
  ck_assert_ptr_eq (learned (&lab, s2, 99, mac (0x1)), port (s2, "GigabitEthernet0/1"));

  arrive (&lab, port (s2, "FastEthernet0/4"), eth (mac (0x1), mac (0x99), 0));
  assert_outs (&lab, s2, "GigabitEthernet0/1");
  assert_outs (&lab, s1, "FastEthernet0/3");

  /* S2's VLAN 1 is now tagged on the trunk; S1 takes it as VLAN 1 too. */
  arrive (&lab, port (s2, "FastEthernet0/3"), eth (cord_frame_mac_broadcast, mac (0x3), 0));
  {
    gsize n;
    const guint8 *d = g_bytes_get_data (bytes_from (&lab, port (s2, "GigabitEthernet0/1")), &n);

    ck_assert_uint_eq (n, 64);
    ck_assert_uint_eq (d[15], 1);
  }
  assert_outs (&lab, s1, "FastEthernet0/3");
}
END_TEST

/* ---- Drops ---------------------------------------------------------------- */

START_TEST (test_drops_counted)
{
  g_auto(Net) lab = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ports = NULL;
  CordDevice *s1, *s2;
  const CordPortCounters *c;
  CordPort *trunk1;

  net_init (&lab);
  build_trunk_lab (&lab, &s1, &s2);
  trunk1 = port (s1, "GigabitEthernet0/1");

  /* A tagged frame on an access port. */
  arrive (&lab, port (s1, "FastEthernet0/3"), eth (cord_frame_mac_broadcast, mac (1), 1));
  assert_outs (&lab, s1, "");
  c = cord_sim_port_get_counters (lab.sim, port (s1, "FastEthernet0/3"));
  ck_assert_uint_eq (c->in_drops, 1);
  ck_assert_uint_eq (table_len (&lab, s1), 0);

  /* On the trunk: a VLAN the switch does not have, and an FDDI default. */
  c = cord_sim_port_get_counters (lab.sim, trunk1);
  arrive (&lab, trunk1, eth (cord_frame_mac_broadcast, mac (2), 30));
  assert_outs (&lab, s1, "");
  ck_assert_uint_eq (c->in_drops, 1);
  arrive (&lab, trunk1, eth (cord_frame_mac_broadcast, mac (2), 1002));
  assert_outs (&lab, s1, "");
  ck_assert_uint_eq (c->in_drops, 2);
  ck_assert_uint_eq (table_len (&lab, s1), 0);

  /* Once VLAN 30 exists the trunk carries it (to no port here). */
  ck_assert (cord_switch_vlan_add (lab.sim, s1, 30, NULL, &error));
  arrive (&lab, trunk1, eth (cord_frame_mac_broadcast, mac (2), 30));
  ck_assert_uint_eq (c->in_drops, 2);
  ck_assert_ptr_eq (learned (&lab, s1, 30, mac (2)), trunk1);

  /* Deleting VLAN 10 makes its access port inactive: it forwards nothing,
   * `show vlan brief` lists it nowhere, and what was learned goes. */
  arrive (&lab, port (s1, "FastEthernet0/1"), eth (cord_frame_mac_broadcast, mac (0x10), 0));
  assert_outs (&lab, s1, "GigabitEthernet0/1");
  ck_assert (cord_switch_vlan_remove (lab.sim, s1, 10, &error));
  ck_assert_ptr_null (learned (&lab, s1, 10, mac (0x10)));
  ck_assert (!cord_switch_vlan_exists (lab.sim, s1, 10));
  arrive (&lab, port (s1, "FastEthernet0/1"), eth (cord_frame_mac_broadcast, mac (0x10), 0));
  assert_outs (&lab, s1, "");
  ck_assert_uint_eq (cord_sim_port_get_counters (lab.sim, port (s1, "FastEthernet0/1"))->in_drops, 1);
  ports = cord_switch_vlan_ports (lab.sim, s1, 10);
  ck_assert_uint_eq (ports->len, 0);
  /* S2 still sends VLAN 10 tagged; S1 drops it now. */
  arrive (&lab, port (s2, "FastEthernet0/1"), eth (cord_frame_mac_broadcast, mac (0x11), 0));
  assert_outs (&lab, s2, "GigabitEthernet0/1");
  assert_outs (&lab, s1, "");
  ck_assert_uint_eq (c->in_drops, 3);

  /* An untagged giant is an input error, not a frame to tag. */
  {
    g_autofree guint8 *giant = g_malloc0 (CORD_FRAME_MAX_LEN);
    CordPort *p2 = port (s1, "FastEthernet0/2");

    memset (giant, 0xff, 6);
    giant[6] = 0x02;
    giant[12] = 0x88;
    giant[13] = 0xb5;
    g_array_set_size (lab.sent, 0);
    cord_sim_inject (lab.sim, p2, giant, CORD_FRAME_MAX_LEN);
    assert_outs (&lab, s1, "");
    ck_assert_uint_eq (cord_sim_port_get_counters (lab.sim, p2)->in_errors, 1);
    cord_sim_inject (lab.sim, p2, giant, CORD_FRAME_MAX_UNTAGGED_LEN);
    assert_outs (&lab, s1, "GigabitEthernet0/1");
    ck_assert_uint_eq (g_bytes_get_size (bytes_from (&lab, port (s1, "GigabitEthernet0/1"))),
                       CORD_FRAME_MAX_LEN);
  }

  /* Recreated, the port is back in it. */
  ck_assert (cord_switch_vlan_add (lab.sim, s1, 10, NULL, &error));
  arrive (&lab, port (s1, "FastEthernet0/1"), eth (cord_frame_mac_broadcast, mac (0x10), 0));
  assert_outs (&lab, s1, "GigabitEthernet0/1");
}
END_TEST

START_TEST (test_link_local_consumed)
{
  g_auto(Net) lab = { 0 };
  CordDevice *s1, *bridge;
  CordMac stp = { { 0x01, 0x80, 0xc2, 0x00, 0x00, 0x00 } };
  CordMac cdp = { { 0x01, 0x00, 0x0c, 0xcc, 0xcc, 0xcc } };
  CordMac other = { { 0x01, 0x80, 0xc2, 0x00, 0x00, 0x10 } };

  net_init (&lab);
  s1 = add (&lab, "2960-24TT", "S1");
  add_pc (&lab, s1, "FastEthernet0/1", "PC1");
  add_pc (&lab, s1, "FastEthernet0/2", "PC2");
  bridge = add (&lab, "Bridge-PT", "Bridge0");
  add_pc (&lab, bridge, "Ethernet0/1", "PC3");
  add_pc (&lab, bridge, "Ethernet1/1", "PC4");

  arrive (&lab, port (s1, "FastEthernet0/1"), eth (stp, mac (1), 0));
  assert_outs (&lab, s1, "");
  arrive (&lab, port (s1, "FastEthernet0/1"), eth (cdp, mac (1), 0));
  assert_outs (&lab, s1, "");
  arrive (&lab, port (s1, "FastEthernet0/1"), eth (other, mac (1), 0));
  assert_outs (&lab, s1, "FastEthernet0/2");
  /* A plain bridge keeps IEEE's reserved groups but passes Cisco's. */
  arrive (&lab, port (bridge, "Ethernet0/1"), eth (stp, mac (3), 0));
  assert_outs (&lab, bridge, "");
  arrive (&lab, port (bridge, "Ethernet0/1"), eth (cdp, mac (3), 0));
  assert_outs (&lab, bridge, "Ethernet1/1");
}
END_TEST

/* ---- Aging --------------------------------------------------------------- */

START_TEST (test_aging_exact)
{
  g_auto(Net) lab = { 0 };
  g_autoptr(GArray) table = NULL;
  CordDevice *s1;
  CordMac a = mac (0xa);
  guint64 t0;

  net_init (&lab);
  s1 = add (&lab, "2960-24TT", "S1");
  add_pc (&lab, s1, "FastEthernet0/1", "PC1");
  add_pc (&lab, s1, "FastEthernet0/2", "PC2");
  add_pc (&lab, s1, "FastEthernet0/3", "PC3");
  cord_engine_run_for (lab.engine, 1234567);

  arrive (&lab, port (s1, "FastEthernet0/1"), eth (cord_frame_mac_broadcast, a, 0));
  table = cord_switch_get_mac_table (lab.sim, s1);
  ck_assert_uint_eq (table->len, 1);
  t0 = g_array_index (table, CordMacEntry, 0).last_seen_ns;
  ck_assert_uint_eq (t0, 1234567);

  /* 299.999 s later A is still known: a frame to it goes to Fa0/1 only. */
  cord_engine_run_until (lab.engine, t0 + 300 * SEC - MS);
  ck_assert_ptr_eq (learned (&lab, s1, 1, a), port (s1, "FastEthernet0/1"));
  g_array_set_size (lab.sent, 0);
  {
    g_autoptr(CordFrame) f = eth (a, mac (0xb), 0);

    cord_sim_inject (lab.sim, port (s1, "FastEthernet0/2"), f->data, f->len);
  }
  assert_outs (&lab, s1, "FastEthernet0/1");

  /* At exactly 300 s it is gone, and frames to it flood. */
  cord_engine_run_until (lab.engine, t0 + 300 * SEC);
  ck_assert_ptr_null (learned (&lab, s1, 1, a));
  g_array_set_size (lab.sent, 0);
  {
    g_autoptr(CordFrame) f = eth (a, mac (0xc), 0);

    cord_sim_inject (lab.sim, port (s1, "FastEthernet0/3"), f->data, f->len);
  }
  assert_outs (&lab, s1, "FastEthernet0/1,FastEthernet0/2");
  /* B, learned 1 ms before A's end, is still there. */
  ck_assert_ptr_eq (learned (&lab, s1, 1, mac (0xb)), port (s1, "FastEthernet0/2"));
}
END_TEST

/* Switches alone: once every entry has aged out nothing is left
 * scheduled, so idle switches cost nothing. */
START_TEST (test_aging_sweep_goes_idle)
{
  g_auto(Net) lab = { 0 };
  g_autoptr(GError) error = NULL;
  CordDevice *s0, *s1, *s2;

  net_init (&lab);
  s0 = add (&lab, "2960-24TT", "S0");
  s1 = add (&lab, "2960-24TT", "S1");
  s2 = add (&lab, "2960-24TT", "S2");
  /* Frames injected on S1's Gi0/1 come "from S0" and reach S2. */
  cable_up (&lab, s0, "GigabitEthernet0/2", s1, "GigabitEthernet0/1");
  cable_up (&lab, s1, "GigabitEthernet0/2", s2, "GigabitEthernet0/1");
  ck_assert_uint_eq (cord_engine_pending (lab.engine), 0);
  ck_assert (cord_switch_set_aging_time (lab.sim, s2, 10, &error));

  arrive (&lab, port (s1, "GigabitEthernet0/1"), eth (cord_frame_mac_broadcast, mac (1), 0));
  cord_engine_run_for (lab.engine, 5 * SEC);
  arrive (&lab, port (s1, "GigabitEthernet0/1"), eth (cord_frame_mac_broadcast, mac (2), 0));
  ck_assert_uint_eq (table_len (&lab, s1), 2);
  ck_assert_uint_eq (table_len (&lab, s2), 2);
  ck_assert_uint_gt (cord_engine_pending (lab.engine), 0);

  /* S2 ages at 10 s: its sweep frees the slots then stops. */
  cord_engine_run_for (lab.engine, 11 * SEC);
  ck_assert_uint_eq (table_len (&lab, s2), 0);
  ck_assert_uint_eq (table_len (&lab, s1), 2);
  cord_engine_run_for (lab.engine, 300 * SEC);
  ck_assert_uint_eq (table_len (&lab, s1), 0);
  ck_assert_uint_eq (cord_engine_pending (lab.engine), 0);

  /* Aging 0 keeps entries for ever, with no timer at all. */
  ck_assert (cord_switch_set_aging_time (lab.sim, s1, 0, &error));
  arrive (&lab, port (s1, "GigabitEthernet0/1"), eth (cord_frame_mac_broadcast, mac (3), 0));
  cord_engine_run_for (lab.engine, 100000 * SEC);
  ck_assert_ptr_eq (learned (&lab, s1, 1, mac (3)), port (s1, "GigabitEthernet0/1"));
  ck_assert_uint_eq (table_len (&lab, s2), 0);
  ck_assert_uint_eq (cord_engine_pending (lab.engine), 0);

  /* Turning aging back on applies it to what is there at once. */
  ck_assert (cord_switch_set_aging_time (lab.sim, s1, 10, &error));
  ck_assert_uint_eq (table_len (&lab, s1), 0);
  ck_assert_uint_eq (cord_engine_pending (lab.engine), 0);
}
END_TEST

/* ---- Port, power and config events --------------------------------------- */

START_TEST (test_port_down_flushes)
{
  g_auto(Net) lab = { 0 };
  g_autoptr(GError) error = NULL;
  CordDevice *s1, *pc2;
  CordPort *p1;

  net_init (&lab);
  s1 = add (&lab, "2960-24TT", "S1");
  add_pc (&lab, s1, "FastEthernet0/1", "PC1");
  pc2 = add_pc (&lab, s1, "FastEthernet0/2", "PC2");
  add_pc (&lab, s1, "FastEthernet0/3", "PC3");
  p1 = port (s1, "FastEthernet0/1");

  arrive (&lab, p1, eth (cord_frame_mac_broadcast, mac (1), 0));
  arrive (&lab, port (s1, "FastEthernet0/2"), eth (cord_frame_mac_broadcast, mac (2), 0));
  arrive (&lab, port (s1, "FastEthernet0/3"), eth (cord_frame_mac_broadcast, mac (3), 0));
  ck_assert_uint_eq (table_len (&lab, s1), 3);

  ck_assert (cord_sim_port_set_shutdown (lab.sim, p1, TRUE, &error));
  ck_assert_ptr_null (learned (&lab, s1, 1, mac (1)));
  ck_assert_uint_eq (table_len (&lab, s1), 2);
  /* A shut port is no flooding target, and frames to it do not go there. */
  arrive (&lab, port (s1, "FastEthernet0/3"), eth (mac (1), mac (3), 0));
  assert_outs (&lab, s1, "FastEthernet0/2");
  /* Nor does a frame injected on it get learned. */
  arrive (&lab, p1, eth (cord_frame_mac_broadcast, mac (1), 0));
  ck_assert_ptr_null (learned (&lab, s1, 1, mac (1)));

  /* The far end switching off takes the line down too. */
  ck_assert (cord_topology_set_power (lab.topology, pc2, FALSE, &error));
  ck_assert_ptr_null (learned (&lab, s1, 1, mac (2)));
  ck_assert_uint_eq (table_len (&lab, s1), 1);

  /* `clear mac address-table` per port and whole. */
  ck_assert (cord_sim_port_set_shutdown (lab.sim, p1, FALSE, &error));
  arrive (&lab, p1, eth (cord_frame_mac_broadcast, mac (1), 0));
  ck_assert_uint_eq (table_len (&lab, s1), 2);
  cord_switch_clear_mac_table (lab.sim, s1, port (s1, "FastEthernet0/3"));
  ck_assert_ptr_null (learned (&lab, s1, 1, mac (3)));
  ck_assert_ptr_eq (learned (&lab, s1, 1, mac (1)), p1);
  {
    CordMac one = mac (1);

    cord_switch_clear_mac_address (lab.sim, s1, &one);
  }
  ck_assert_uint_eq (table_len (&lab, s1), 0);
  arrive (&lab, p1, eth (cord_frame_mac_broadcast, mac (1), 0));
  cord_switch_clear_mac_vlan (lab.sim, s1, 2);
  ck_assert_uint_eq (table_len (&lab, s1), 1);
  cord_switch_clear_mac_vlan (lab.sim, s1, 1);
  ck_assert_uint_eq (table_len (&lab, s1), 0);
  arrive (&lab, p1, eth (cord_frame_mac_broadcast, mac (1), 0));
  cord_switch_clear_mac_table (lab.sim, s1, NULL);
  ck_assert_uint_eq (table_len (&lab, s1), 0);
}
END_TEST

START_TEST (test_config_change_flushes)
{
  g_auto(Net) lab = { 0 };
  g_autoptr(GError) error = NULL;
  CordDevice *s1;
  CordPort *p1;

  net_init (&lab);
  s1 = add (&lab, "2960-24TT", "S1");
  add_pc (&lab, s1, "FastEthernet0/1", "PC1");
  add_pc (&lab, s1, "FastEthernet0/2", "PC2");
  p1 = port (s1, "FastEthernet0/1");

  arrive (&lab, p1, eth (cord_frame_mac_broadcast, mac (1), 0));
  arrive (&lab, port (s1, "FastEthernet0/2"), eth (cord_frame_mac_broadcast, mac (2), 0));
  access_vlan (&lab, s1, "FastEthernet0/1", 10);
  /* What Fa0/1 learned in VLAN 1 would point the wrong way: it is gone. */
  ck_assert_ptr_null (learned (&lab, s1, 1, mac (1)));
  ck_assert_ptr_nonnull (learned (&lab, s1, 1, mac (2)));
  arrive (&lab, port (s1, "FastEthernet0/2"), eth (mac (1), mac (2), 0));
  assert_outs (&lab, s1, "");
  ck_assert (cord_switch_port_set_defaults (lab.sim, p1, &error));
  arrive (&lab, port (s1, "FastEthernet0/2"), eth (mac (1), mac (2), 0));
  assert_outs (&lab, s1, "FastEthernet0/1");
}
END_TEST

START_TEST (test_power_cycle)
{
  g_auto(Net) lab = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) vlans = NULL;
  CordSwitchportInfo info;
  CordDevice *s1;
  CordMac st = mac (0x55);
  gboolean created = FALSE;

  net_init (&lab);
  s1 = add (&lab, "2960-24TT", "S1");
  add_pc (&lab, s1, "FastEthernet0/1", "PC1");
  add_pc (&lab, s1, "FastEthernet0/2", "PC2");

  ck_assert (cord_switch_vlan_add (lab.sim, s1, 20, "Students", &error));
  ck_assert (cord_switch_port_set_access_vlan (lab.sim, port (s1, "FastEthernet0/1"), 10, &created, &error));
  ck_assert (created);
  trunk (&lab, s1, "FastEthernet0/2");
  ck_assert (cord_switch_port_set_native_vlan (lab.sim, port (s1, "FastEthernet0/2"), 20, &error));
  ck_assert (cord_switch_port_set_nonegotiate (lab.sim, port (s1, "FastEthernet0/2"), TRUE, &error));
  ck_assert (cord_switch_set_aging_time (lab.sim, s1, 100, &error));
  ck_assert (cord_switch_mac_add_static (lab.sim, s1, 10, &st, port (s1, "FastEthernet0/1"), &error));
  arrive (&lab, port (s1, "FastEthernet0/1"), eth (cord_frame_mac_broadcast, mac (1), 0));
  ck_assert_uint_eq (table_len (&lab, s1), 2);

  ck_assert (cord_topology_set_power (lab.topology, s1, FALSE, &error));
  ck_assert_uint_eq (table_len (&lab, s1), 0);
  ck_assert_uint_eq (cord_engine_pending (lab.engine), 0);
  ck_assert (cord_topology_set_power (lab.topology, s1, TRUE, &error));

  /* The ports are back to factory settings... */
  ck_assert (cord_switch_port_get_info (lab.sim, port (s1, "FastEthernet0/1"), &info));
  ck_assert_uint_eq (info.access_vlan, 1);
  ck_assert (cord_switch_port_get_info (lab.sim, port (s1, "FastEthernet0/2"), &info));
  ck_assert_int_eq (info.admin_mode, CORD_SWITCHPORT_DYNAMIC_AUTO);
  ck_assert_int_eq (info.oper_mode, CORD_SWITCHPORT_ACCESS);
  ck_assert_uint_eq (info.native_vlan, 1);
  ck_assert (!info.nonegotiate);
  ck_assert_uint_eq (cord_switch_get_aging_time (lab.sim, s1), 300);
  ck_assert_uint_eq (table_len (&lab, s1), 0);
  /* ...but vlan.dat survives the reload. */
  vlans = cord_switch_list_vlans (lab.sim, s1);
  ck_assert_uint_eq (vlans->len, 7);
  ck_assert_uint_eq (g_array_index (vlans, CordVlanInfo, 1).vid, 10);
  ck_assert_str_eq (g_array_index (vlans, CordVlanInfo, 1).name, "VLAN0010");
  ck_assert_uint_eq (g_array_index (vlans, CordVlanInfo, 2).vid, 20);
  ck_assert_str_eq (g_array_index (vlans, CordVlanInfo, 2).name, "Students");
  ck_assert (!g_array_index (vlans, CordVlanInfo, 2).default_vlan);

  /* And it switches again. */
  arrive (&lab, port (s1, "FastEthernet0/1"), eth (cord_frame_mac_broadcast, mac (1), 0));
  assert_outs (&lab, s1, "FastEthernet0/2");
}
END_TEST

START_TEST (test_static_entries)
{
  g_auto(Net) lab = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) table = NULL;
  CordDevice *s1, *pc;
  CordMac st = mac (0x55), one = mac (1), group = { { 0x01, 0x00, 0x5e, 0, 0, 1 } };

  net_init (&lab);
  s1 = add (&lab, "2960-24TT", "S1");
  pc = add (&lab, "PC-PT", "PC0");
  add_pc (&lab, s1, "FastEthernet0/1", "PC1");
  add_pc (&lab, s1, "FastEthernet0/2", "PC2");
  add_pc (&lab, s1, "FastEthernet0/3", "PC3");

  ck_assert (cord_switch_mac_add_static (lab.sim, s1, 1, &st, port (s1, "FastEthernet0/2"), &error));
  table = cord_switch_get_mac_table (lab.sim, s1);
  ck_assert_uint_eq (table->len, 1);
  ck_assert (g_array_index (table, CordMacEntry, 0).is_static);
  ck_assert_uint_eq (cord_engine_pending (lab.engine), 0);

  arrive (&lab, port (s1, "FastEthernet0/1"), eth (st, mac (1), 0));
  assert_outs (&lab, s1, "FastEthernet0/2");
  /* It is not relearned elsewhere, nor aged, nor cleared. */
  arrive (&lab, port (s1, "FastEthernet0/3"), eth (cord_frame_mac_broadcast, st, 0));
  ck_assert_ptr_eq (learned (&lab, s1, 1, st), port (s1, "FastEthernet0/2"));
  cord_engine_run_for (lab.engine, 1000 * SEC);
  cord_switch_clear_mac_table (lab.sim, s1, NULL);
  ck_assert_ptr_eq (learned (&lab, s1, 1, st), port (s1, "FastEthernet0/2"));
  /* With its port down, frames to it are dropped, not flooded. */
  ck_assert (cord_sim_port_set_shutdown (lab.sim, port (s1, "FastEthernet0/2"), TRUE, &error));
  arrive (&lab, port (s1, "FastEthernet0/1"), eth (st, mac (1), 0));
  assert_outs (&lab, s1, "");
  ck_assert (cord_sim_port_set_shutdown (lab.sim, port (s1, "FastEthernet0/2"), FALSE, &error));

  ck_assert (!cord_switch_mac_add_static (lab.sim, s1, 1, &group, port (s1, "FastEthernet0/2"), &error));
  ck_assert_int_eq (error->code, CORD_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);
  ck_assert (!cord_switch_mac_add_static (lab.sim, s1, 1, &st, port (pc, "FastEthernet0"), &error));
  ck_assert_int_eq (error->code, CORD_ERROR_UNKNOWN_PORT);
  g_clear_error (&error);
  ck_assert (cord_switch_mac_remove_static (lab.sim, s1, 1, &st, &error));
  ck_assert (!cord_switch_mac_remove_static (lab.sim, s1, 1, &st, &error));
  ck_assert_str_eq (error->message, "There is no static entry for 0001.42aa.0055 in VLAN 1");
  g_clear_error (&error);
  ck_assert_uint_eq (table_len (&lab, s1), 1);   /* mac (1), learned above */
  /* A learned entry can be made static. */
  ck_assert (cord_switch_mac_add_static (lab.sim, s1, 1, &one, port (s1, "FastEthernet0/3"), &error));
  ck_assert_uint_eq (table_len (&lab, s1), 1);
  ck_assert_uint_eq (cord_engine_pending (lab.engine), 0);
}
END_TEST

/* ---- Bridge-PT ------------------------------------------------------------ */

START_TEST (test_bridge)
{
  g_auto(Net) lab = { 0 };
  g_autoptr(GError) error = NULL;
  CordDevice *bridge;
  CordPort *e0, *e1;
  CordFrame *f;
  guint8 orig[60];
  gboolean created = TRUE;
  guint8 all[CORD_VLAN_BITMAP_BYTES];

  net_init (&lab);
  bridge = add (&lab, "Bridge-PT", "Bridge0");
  add_pc (&lab, bridge, "Ethernet0/1", "PC0");
  add_pc (&lab, bridge, "Ethernet1/1", "PC1");
  e0 = port (bridge, "Ethernet0/1");
  e1 = port (bridge, "Ethernet1/1");

  arrive (&lab, e0, eth (mac (2), mac (1), 0));
  assert_outs (&lab, bridge, "Ethernet1/1");
  arrive (&lab, e1, eth (mac (1), mac (2), 0));
  assert_outs (&lab, bridge, "Ethernet0/1");
  ck_assert_ptr_eq (learned (&lab, bridge, 1, mac (1)), e0);
  ck_assert_ptr_eq (learned (&lab, bridge, 1, mac (2)), e1);
  arrive (&lab, e0, eth (mac (3), mac (2), 0));
  ck_assert_ptr_eq (learned (&lab, bridge, 1, mac (2)), e0);

  /* Transparent: a tagged frame crosses untouched. */
  f = eth (cord_frame_mac_broadcast, mac (4), 42);
  memcpy (orig, f->data, 60);
  arrive (&lab, e0, f);
  assert_outs (&lab, bridge, "Ethernet1/1");
  assert_bytes (bytes_from (&lab, e1), orig, 60);

  /* And it has no VLAN configuration to change. */
  ck_assert (!cord_switch_vlan_add (lab.sim, bridge, 10, NULL, &error));
  ck_assert_int_eq (error->code, CORD_ERROR_NOT_SUPPORTED);
  ck_assert_str_eq (error->message,
                    "Bridge0: Bridge-PT has no VLAN configuration; it bridges all its ports as one LAN");
  g_clear_error (&error);
  ck_assert (!cord_switch_vlan_remove (lab.sim, bridge, 10, &error));
  g_clear_error (&error);
  ck_assert (!cord_switch_port_set_mode (lab.sim, e0, CORD_SWITCHPORT_TRUNK, &error));
  ck_assert_int_eq (error->code, CORD_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);
  ck_assert (!cord_switch_port_set_access_vlan (lab.sim, e0, 10, &created, &error));
  ck_assert (!created);
  g_clear_error (&error);
  memset (all, 0xff, sizeof all);
  ck_assert (!cord_switch_port_set_allowed (lab.sim, e0, all, &error));
  g_clear_error (&error);
  ck_assert (!cord_switch_set_aging_time (lab.sim, bridge, 10, &error));
  g_clear_error (&error);
  ck_assert (!cord_switch_port_set_nonegotiate (lab.sim, e0, TRUE, &error));
  g_clear_error (&error);
  ck_assert (!cord_switch_vlan_exists (lab.sim, bridge, 10));
}
END_TEST

/* ---- API errors ----------------------------------------------------------- */

START_TEST (test_api_errors)
{
  g_auto(Net) lab = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) vlans = NULL;
  CordDevice *s1, *mls, *pc;
  CordPort *p1, *g1;
  CordSwitchportInfo info;
  gboolean created = FALSE;

  net_init (&lab);
  s1 = add (&lab, "2960-24TT", "S1");
  mls = add (&lab, "3560-24PS", "MLS1");
  pc = add (&lab, "PC-PT", "PC0");
  p1 = port (s1, "FastEthernet0/1");

  /* VLAN numbers. */
  ck_assert (!cord_switch_vlan_add (lab.sim, s1, 0, NULL, &error));
  ck_assert_int_eq (error->code, CORD_ERROR_INVALID);
  ck_assert_str_eq (error->message, "VLAN 0 is out of range; VLANs are numbered 1 to 4094");
  g_clear_error (&error);
  ck_assert (!cord_switch_vlan_add (lab.sim, s1, 4095, NULL, &error));
  ck_assert_str_eq (error->message, "VLAN 4095 is out of range; VLANs are numbered 1 to 4094");
  g_clear_error (&error);
  ck_assert (cord_switch_vlan_add (lab.sim, s1, 4094, NULL, &error));
  ck_assert (cord_switch_vlan_exists (lab.sim, s1, 4094));

  /* The defaults stay. */
  ck_assert (!cord_switch_vlan_remove (lab.sim, s1, 1, &error));
  ck_assert_str_eq (error->message, "Default VLAN 1 may not be deleted.");
  g_clear_error (&error);
  ck_assert (!cord_switch_vlan_remove (lab.sim, s1, 1002, &error));
  ck_assert_str_eq (error->message, "Default VLAN 1002 may not be deleted.");
  g_clear_error (&error);
  ck_assert (!cord_switch_vlan_set_name (lab.sim, s1, 1, "users", &error));
  ck_assert_str_eq (error->message, "Default VLAN 1 may not have its name changed.");
  g_clear_error (&error);
  ck_assert (!cord_switch_vlan_add (lab.sim, s1, 1005, "x", &error));
  ck_assert_str_eq (error->message, "Default VLAN 1005 may not have its name changed.");
  g_clear_error (&error);
  ck_assert (cord_switch_vlan_add (lab.sim, s1, 1, NULL, &error));
  ck_assert (cord_switch_vlan_remove (lab.sim, s1, 77, &error));   /* absent: nothing to do */

  /* Names. */
  ck_assert (cord_switch_vlan_add (lab.sim, s1, 10, "faculty/staff", &error));
  ck_assert (!cord_switch_vlan_set_name (lab.sim, s1, 10, "a name", &error));
  ck_assert_int_eq (error->code, CORD_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert (!cord_switch_vlan_set_name (lab.sim, s1, 10, "", &error));
  g_clear_error (&error);
  ck_assert (!cord_switch_vlan_set_name (lab.sim, s1, 10, "abcdefghijklmnopqrstuvwxyz0123456", &error));
  ck_assert_int_eq (error->code, CORD_ERROR_LIMIT);
  ck_assert_str_eq (error->message, "The VLAN name “abcdefghijklmnopqrstuvwxyz012345…” is too long; "
                                    "use at most 32 characters");
  g_clear_error (&error);
  ck_assert (cord_switch_vlan_set_name (lab.sim, s1, 10, "abcdefghijklmnopqrstuvwxyz012345", &error));
  ck_assert (!cord_switch_vlan_set_name (lab.sim, s1, 11, "eleven", &error));
  ck_assert_str_eq (error->message, "VLAN 11 does not exist; create it first");
  g_clear_error (&error);
  ck_assert (cord_switch_vlan_add (lab.sim, s1, 11, NULL, &error));
  ck_assert (cord_switch_vlan_set_name (lab.sim, s1, 11, "eleven", &error));
  ck_assert (cord_switch_vlan_set_name (lab.sim, s1, 11, NULL, &error));
  vlans = cord_switch_list_vlans (lab.sim, s1);
  ck_assert_uint_eq (vlans->len, 8);
  ck_assert_str_eq (g_array_index (vlans, CordVlanInfo, 1).name, "abcdefghijklmnopqrstuvwxyz012345");
  ck_assert_str_eq (g_array_index (vlans, CordVlanInfo, 2).name, "VLAN0011");
  ck_assert_uint_eq (g_array_index (vlans, CordVlanInfo, 7).vid, 4094);
  ck_assert_str_eq (g_array_index (vlans, CordVlanInfo, 7).name, "VLAN4094");

  /* Access VLANs: a missing one is created and reported. */
  ck_assert (cord_switch_port_set_access_vlan (lab.sim, p1, 30, &created, &error));
  ck_assert (created);
  ck_assert (cord_switch_vlan_exists (lab.sim, s1, 30));
  ck_assert (cord_switch_port_set_access_vlan (lab.sim, port (s1, "FastEthernet0/2"), 30, &created, &error));
  ck_assert (!created);
  ck_assert (!cord_switch_port_set_access_vlan (lab.sim, p1, 1002, &created, &error));
  ck_assert_int_eq (error->code, CORD_ERROR_INVALID);
  ck_assert (!created);
  g_clear_error (&error);
  ck_assert (!cord_switch_port_set_access_vlan (lab.sim, p1, 0, &created, &error));
  g_clear_error (&error);
  ck_assert (!cord_switch_port_set_native_vlan (lab.sim, p1, 4095, &error));
  g_clear_error (&error);
  ck_assert (cord_switch_port_get_info (lab.sim, p1, &info));
  ck_assert_uint_eq (info.access_vlan, 30);

  /* nonegotiate and dynamic modes exclude each other. */
  ck_assert (!cord_switch_port_set_nonegotiate (lab.sim, p1, TRUE, &error));
  ck_assert_str_eq (error->message, "Command rejected: Conflict between 'nonegotiate' and 'dynamic' status.");
  g_clear_error (&error);
  trunk (&lab, s1, "FastEthernet0/1");
  ck_assert (cord_switch_port_set_nonegotiate (lab.sim, p1, TRUE, &error));
  ck_assert (!cord_switch_port_set_mode (lab.sim, p1, CORD_SWITCHPORT_DYNAMIC_DESIRABLE, &error));
  g_clear_error (&error);
  ck_assert (cord_switch_port_set_mode (lab.sim, p1, CORD_SWITCHPORT_ACCESS, &error));
  ck_assert (cord_switch_port_set_nonegotiate (lab.sim, p1, FALSE, &error));
  ck_assert (cord_switch_port_set_mode (lab.sim, p1, CORD_SWITCHPORT_DYNAMIC_DESIRABLE, &error));
  ck_assert (cord_switch_port_get_info (lab.sim, p1, &info));
  ck_assert_int_eq (info.admin_mode, CORD_SWITCHPORT_DYNAMIC_DESIRABLE);
  ck_assert_int_eq (info.oper_mode, CORD_SWITCHPORT_ACCESS);

  /* Trunk encapsulation: only the 3560 has the choice, and needs dot1q. */
  ck_assert (cord_switch_port_set_encapsulation (lab.sim, p1, CORD_TRUNK_ENCAP_DOT1Q, &error));
  ck_assert (!cord_switch_port_set_encapsulation (lab.sim, p1, CORD_TRUNK_ENCAP_NEGOTIATE, &error));
  ck_assert_int_eq (error->code, CORD_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);
  g1 = port (mls, "GigabitEthernet0/1");
  ck_assert (!cord_switch_port_set_mode (lab.sim, g1, CORD_SWITCHPORT_TRUNK, &error));
  ck_assert_str_eq (error->message, "Command rejected: An interface whose trunk encapsulation "
                                    "is \"Auto\" can not be configured to \"trunk\" mode.");
  g_clear_error (&error);
  ck_assert (!cord_switch_port_set_encapsulation (lab.sim, g1, CORD_TRUNK_ENCAP_ISL, &error));
  ck_assert_int_eq (error->code, CORD_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);
  ck_assert (cord_switch_port_set_encapsulation (lab.sim, g1, CORD_TRUNK_ENCAP_DOT1Q, &error));
  ck_assert (cord_switch_port_set_mode (lab.sim, g1, CORD_SWITCHPORT_TRUNK, &error));
  ck_assert (!cord_switch_port_set_encapsulation (lab.sim, g1, CORD_TRUNK_ENCAP_NEGOTIATE, &error));
  g_clear_error (&error);
  ck_assert (cord_switch_port_set_defaults (lab.sim, g1, &error));
  ck_assert (cord_switch_port_get_info (lab.sim, g1, &info));
  ck_assert_int_eq (info.admin_encap, CORD_TRUNK_ENCAP_NEGOTIATE);
  ck_assert_int_eq (info.admin_mode, CORD_SWITCHPORT_DYNAMIC_AUTO);

  /* Aging. */
  ck_assert (!cord_switch_set_aging_time (lab.sim, s1, 5, &error));
  ck_assert_str_eq (error->message, "An aging time of 5 seconds is out of range; use 0 to turn "
                                    "aging off, or 10 to 1000000 seconds");
  g_clear_error (&error);
  ck_assert (!cord_switch_set_aging_time (lab.sim, s1, 1000001, &error));
  g_clear_error (&error);
  ck_assert (cord_switch_set_aging_time (lab.sim, s1, 1000000, &error));
  ck_assert_uint_eq (cord_switch_get_aging_time (lab.sim, s1), 1000000);

  /* Not a switch at all. */
  ck_assert (!cord_switch_vlan_add (lab.sim, pc, 10, NULL, &error));
  ck_assert_int_eq (error->code, CORD_ERROR_NOT_SUPPORTED);
  ck_assert_str_eq (error->message, "PC0 (PC-PT) is not a switch");
  g_clear_error (&error);
  ck_assert (!cord_switch_port_set_mode (lab.sim, port (pc, "FastEthernet0"), CORD_SWITCHPORT_TRUNK, &error));
  g_clear_error (&error);
  ck_assert (!cord_switch_port_set_mode (lab.sim, port (s1, "Console"), CORD_SWITCHPORT_TRUNK, &error));
  ck_assert_str_eq (error->message, "Console on S1 is not a switch port");
  g_clear_error (&error);
}
END_TEST

/* ---- Scale and cost -------------------------------------------------------- */

START_TEST (test_table_limit)
{
  g_auto(Net) lab = { 0 };
  CordDevice *s1;
  CordPort *p1;
  guint8 data[60] = { 0 };

  net_init (&lab);
  s1 = add (&lab, "2960-24TT", "S1");
  add_pc (&lab, s1, "FastEthernet0/1", "PC1");
  add_pc (&lab, s1, "FastEthernet0/2", "PC2");
  p1 = port (s1, "FastEthernet0/1");

  /* A flood of random sources fills the table to its bound, no further. */
  memset (data, 0xff, 6);
  data[12] = 0x88;
  data[13] = 0xb5;
  for (guint i = 0; i < CORD_SWITCH_MAC_TABLE_MAX + 1000; i++)
    {
      data[6] = 0x02;
      data[9] = (guint8) (i >> 16);
      data[10] = (guint8) (i >> 8);
      data[11] = (guint8) i;
      cord_sim_inject (lab.sim, p1, data, sizeof data);
      if (i % 32 == 31)
        cord_engine_run_for (lab.engine, MS);
    }
  ck_assert_uint_eq (table_len (&lab, s1), CORD_SWITCH_MAC_TABLE_MAX);
  /* Unlearned sources still get through. */
  arrive (&lab, p1, eth (cord_frame_mac_broadcast, mac (1), 0));
  assert_outs (&lab, s1, "FastEthernet0/2");
  ck_assert_ptr_null (learned (&lab, s1, 1, mac (1)));
  /* Aging empties it again. */
  cord_engine_run_for (lab.engine, 301 * SEC);
  ck_assert_uint_eq (table_len (&lab, s1), 0);
  arrive (&lab, p1, eth (cord_frame_mac_broadcast, mac (1), 0));
  ck_assert_ptr_eq (learned (&lab, s1, 1, mac (1)), p1);
}
END_TEST

/* The MAC table against a plain model, through thousands of random
 * learns, moves, flushes and clears with many colliding addresses. */
typedef struct {
  guint16   vid;
  guint32   id;
  CordPort *port;
} ModelEntry;

static gint
compare_model (gconstpointer a,
               gconstpointer b)
{
  const ModelEntry *x = a;
  const ModelEntry *y = b;

  if (x->vid != y->vid)
    return (gint) x->vid - (gint) y->vid;
  return (x->id > y->id) - (x->id < y->id);
}

static void
check_model (Net        *lab,
             CordDevice *sw,
             GHashTable *model)
{
  g_autoptr(GArray) table = cord_switch_get_mac_table (lab->sim, sw);
  g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (ModelEntry));
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, model);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint64 k = *(guint64 *) key;
      ModelEntry e = { (guint16) (k >> 32), (guint32) k, value };

      g_array_append_val (expected, e);
    }
  g_array_sort (expected, compare_model);
  ck_assert_uint_eq (table->len, expected->len);
  for (guint i = 0; i < table->len; i++)
    {
      const CordMacEntry *got = &g_array_index (table, CordMacEntry, i);
      const ModelEntry *want = &g_array_index (expected, ModelEntry, i);
      guint32 id = ((guint32) got->mac.b[3] << 16) | ((guint32) got->mac.b[4] << 8) | got->mac.b[5];

      /* libcheck records every assertion that passes: test first. */
      if (got->vid != want->vid || got->mac.b[0] != 0x02 || id != want->id ||
          got->port != want->port)
        ck_abort_msg ("entry %u: VLAN %u %06x on %s, expected VLAN %u %06x on %s", i,
                      got->vid, id, got->port->name, want->vid, want->id, want->port->name);
    }
}

static gboolean
model_drop_port (gpointer key,
                 gpointer value,
                 gpointer data)
{
  return value == data;
}

static gboolean
model_drop_vlan (gpointer key,
                 gpointer value,
                 gpointer data)
{
  return (*(guint64 *) key >> 32) == GPOINTER_TO_UINT (data);
}

START_TEST (test_table_model)
{
  g_auto(Net) lab = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) model = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (2960);
  static const guint vids[4] = { 1, 1, 10, 10 };
  gboolean down[4] = { FALSE };
  CordPort *ports[4];
  CordDevice *s1;
  guint8 data[60] = { 0 };
  guint peak = 0;

  net_init (&lab);
  s1 = add (&lab, "2960-24TT", "S1");
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *sp = g_strdup_printf ("FastEthernet0/%u", i + 1);
      g_autofree char *name = g_strdup_printf ("PC%u", i + 1);

      add_pc (&lab, s1, sp, name);
      ports[i] = port (s1, sp);
    }
  access_vlan (&lab, s1, "FastEthernet0/3", 10);
  access_vlan (&lab, s1, "FastEthernet0/4", 10);
  memset (data, 0xff, 6);
  data[6] = 0x02;
  data[12] = 0x88;
  data[13] = 0xb5;

  for (guint step = 0; step < 40000; step++)
    {
      guint op = g_rand_int_range (rand, 0, 100000);
      guint p = g_rand_int_range (rand, 0, 4);

      if (op < 99880)
        {
          /* A small pool of addresses that differ in few bits. */
          guint32 id = (guint32) g_rand_int_range (rand, 0, 3000) * 0x10001u & 0xffffff;
          guint64 *key = g_new (guint64, 1);

          data[9] = (guint8) (id >> 16);
          data[10] = (guint8) (id >> 8);
          data[11] = (guint8) id;
          cord_sim_inject (lab.sim, ports[p], data, sizeof data);
          *key = ((guint64) vids[p] << 32) | id;
          if (!down[p])
            g_hash_table_replace (model, key, ports[p]);
          else
            g_free (key);
        }
      else if (op < 99930)
        {
          down[p] = !down[p];
          ck_assert (cord_sim_port_set_shutdown (lab.sim, ports[p], down[p], &error));
          if (down[p])
            g_hash_table_foreach_remove (model, model_drop_port, ports[p]);
        }
      else if (op < 99970)
        {
          cord_switch_clear_mac_table (lab.sim, s1, ports[p]);
          g_hash_table_foreach_remove (model, model_drop_port, ports[p]);
        }
      else if (op < 99995)
        {
          cord_switch_clear_mac_vlan (lab.sim, s1, vids[p]);
          g_hash_table_foreach_remove (model, model_drop_vlan, GUINT_TO_POINTER (vids[p]));
        }
      else
        {
          cord_switch_clear_mac_table (lab.sim, s1, NULL);
          g_hash_table_remove_all (model);
        }
      /* Let the wires drain now and then; virtual time stays far below
       * the aging time. */
      if (step % 64 == 63)
        cord_engine_run_for (lab.engine, 10 * MS);
      if (step % 97 == 0)
        check_model (&lab, s1, model);
      peak = MAX (peak, g_hash_table_size (model));
    }
  check_model (&lab, s1, model);
  /* The table did grow through several sizes. */
  ck_assert_uint_gt (peak, 2000);
}
END_TEST

/* Ten switches in a row: a frame that keeps its tagging is the same
 * CordFrame on every hop (nothing is copied), and a trunk retags once. */
START_TEST (test_chain_shares_frames)
{
  g_auto(Net) lab = { 0 };
  CordDevice *sw[10];
  const CordFrame *first;
  const CordFrame *tagged = NULL;
  guint n_tagged = 0;

  net_init (&lab);
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *name = g_strdup_printf ("S%u", i);

      sw[i] = add (&lab, "2960-24TT", name);
      if (i > 0)
        cable_up (&lab, sw[i - 1], "GigabitEthernet0/2", sw[i], "GigabitEthernet0/1");
    }
  add_pc (&lab, sw[0], "FastEthernet0/1", "PC0");
  add_pc (&lab, sw[9], "FastEthernet0/1", "PC9");

  arrive (&lab, port (sw[0], "FastEthernet0/1"), eth (cord_frame_mac_broadcast, mac (1), 0));
  ck_assert_uint_eq (lab.sent->len, 10);
  first = g_array_index (lab.sent, Sent, 0).frame;
  for (guint i = 0; i < lab.sent->len; i++)
    ck_assert_ptr_eq (g_array_index (lab.sent, Sent, i).frame, first);
  ck_assert_ptr_eq (g_array_index (lab.sent, Sent, 9).to, port (cord_topology_find_device (lab.topology, "PC9"),
                                                                "FastEthernet0"));
  /* The reply is unicast all the way. */
  arrive (&lab, port (sw[9], "FastEthernet0/1"), eth (mac (1), mac (9), 0));
  ck_assert_uint_eq (lab.sent->len, 10);
  assert_outs (&lab, sw[0], "FastEthernet0/1");

  /* Now as trunks with the hosts in VLAN 10. */
  for (guint i = 0; i < 10; i++)
    {
      if (i > 0)
        trunk (&lab, sw[i], "GigabitEthernet0/1");
      if (i < 9)
        trunk (&lab, sw[i], "GigabitEthernet0/2");
    }
  access_vlan (&lab, sw[0], "FastEthernet0/1", 10);
  access_vlan (&lab, sw[9], "FastEthernet0/1", 10);
  for (guint i = 1; i < 9; i++)
    {
      g_autoptr(GError) error = NULL;

      ck_assert (cord_switch_vlan_add (lab.sim, sw[i], 10, NULL, &error));
    }
  arrive (&lab, port (sw[0], "FastEthernet0/1"), eth (cord_frame_mac_broadcast, mac (1), 0));
  ck_assert_uint_eq (lab.sent->len, 10);
  for (guint i = 0; i < 9; i++)
    {
      const Sent *e = &g_array_index (lab.sent, Sent, i);

      ck_assert_uint_eq (g_bytes_get_size (e->bytes), 64);
      if (tagged == NULL)
        tagged = e->frame;
      n_tagged += e->frame == tagged;
    }
  ck_assert_uint_eq (n_tagged, 9);
  ck_assert_uint_eq (g_bytes_get_size (g_array_index (lab.sent, Sent, 9).bytes), 60);
}
END_TEST

/* Switch-PT: modules added while off take part once it is back on; a
 * module removed takes its learned entries with it. */
START_TEST (test_switch_pt_modules)
{
  g_auto(Net) lab = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ports = NULL;
  g_autofree char *names = NULL;
  CordDevice *sw;

  net_init (&lab);
  sw = add (&lab, "Switch-PT", "Switch0");
  ck_assert (cord_topology_set_power (lab.topology, sw, FALSE, &error));
  ck_assert (cord_topology_insert_module (lab.topology, sw, "7", "PT-SWITCH-NM-1CGE", &error));
  ck_assert (cord_topology_set_power (lab.topology, sw, TRUE, &error));
  add_pc (&lab, sw, "FastEthernet0/1", "PC0");
  add_pc (&lab, sw, "GigabitEthernet7/1", "PC7");
  ports = cord_switch_vlan_ports (lab.sim, sw, 1);
  names = port_list (ports);
  ck_assert_str_eq (names, "FastEthernet0/1,FastEthernet1/1,FastEthernet2/1,FastEthernet3/1,"
                           "FastEthernet4/1,FastEthernet5/1,GigabitEthernet7/1");

  arrive (&lab, port (sw, "FastEthernet0/1"), eth (cord_frame_mac_broadcast, mac (1), 0));
  assert_outs (&lab, sw, "GigabitEthernet7/1");
  arrive (&lab, port (sw, "GigabitEthernet7/1"), eth (mac (1), mac (7), 0));
  assert_outs (&lab, sw, "FastEthernet0/1");
  ck_assert_uint_eq (table_len (&lab, sw), 2);

  ck_assert (cord_topology_set_power (lab.topology, sw, FALSE, &error));
  ck_assert (cord_topology_remove_module (lab.topology, sw, "7", &error));
  ck_assert (cord_topology_set_power (lab.topology, sw, TRUE, &error));
  g_clear_pointer (&ports, g_ptr_array_unref);
  ports = cord_switch_vlan_ports (lab.sim, sw, 1);
  ck_assert_uint_eq (ports->len, 6);
  arrive (&lab, port (sw, "FastEthernet0/1"), eth (cord_frame_mac_broadcast, mac (1), 0));
  assert_outs (&lab, sw, "");
  ck_assert_uint_eq (table_len (&lab, sw), 1);
}
END_TEST

static Suite *
switching_suite (void)
{
  Suite *suite = suite_create ("switching");
  TCase *tc = tcase_create ("core");

  tcase_add_test (tc, test_defaults);
  tcase_add_test (tc, test_bitmap_format);
  tcase_add_test (tc, test_learn_then_unicast);
  tcase_add_test (tc, test_vlans_isolated);
  tcase_add_test (tc, test_trunk_tags);
  tcase_add_test (tc, test_tag_removal_pads);
  tcase_add_test (tc, test_native_vlan_mismatch);
  tcase_add_test (tc, test_drops_counted);
  tcase_add_test (tc, test_link_local_consumed);
  tcase_add_test (tc, test_aging_exact);
  tcase_add_test (tc, test_aging_sweep_goes_idle);
  tcase_add_test (tc, test_port_down_flushes);
  tcase_add_test (tc, test_config_change_flushes);
  tcase_add_test (tc, test_power_cycle);
  tcase_add_test (tc, test_static_entries);
  tcase_add_test (tc, test_bridge);
  tcase_add_test (tc, test_api_errors);
  tcase_add_test (tc, test_table_limit);
  tcase_add_test (tc, test_table_model);
  tcase_add_test (tc, test_chain_shares_frames);
  tcase_add_test (tc, test_switch_pt_modules);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return cord_test_run (switching_suite ());
}
