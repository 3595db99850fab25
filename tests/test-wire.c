/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for the sim runtime: wires, timing, queues, line state, injection, capture and the hub. */
#include "config.h"

#include <string.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "sim.h"
#include "test-util.h"

#define NET_EXTRA_FIELDS                                                      \
  GArray       *events;     /* Sent */                                        \
  GPtrArray    *changes;    /* "NAME PORT up|down" */
#include "net-util.h"

typedef struct {
  guint64   time;
  guint64   arrival;
  CordPort *from;
  CordPort *to;
  gsize     len;
} Sent;

static void
on_frame (CordSim                 *sim,
          const CordSimFrameEvent *event,
          gpointer                 data)
{
  Net *net = data;
  Sent sent = { event->time, event->arrival, event->from, event->to, event->frame->len };

  g_array_append_val (net->events, sent);
}

static void
on_port (CordSim  *sim,
         CordPort *port,
         gboolean  up,
         gpointer  data)
{
  Net *net = data;

  g_ptr_array_add (net->changes, g_strdup_printf ("%s %s %s", port->device->name,
                                                  port->name, up ? "up" : "down"));
}

static void
net_init (Net *net)
{
  net_init_sim (net);
  net->events = g_array_new (FALSE, TRUE, sizeof (Sent));
  net->changes = g_ptr_array_new_with_free_func (g_free);
  cord_sim_set_frame_hook (net->sim, on_frame, net);
  cord_sim_set_port_hook (net->sim, on_port, net);
}

static void
net_clear (Net *net)
{
  net_clear_sim (net);
  g_clear_pointer (&net->events, g_array_unref);
  g_clear_pointer (&net->changes, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Net, net_clear)

/* A broadcast frame of @len bytes from 0001.4200.9999. */
static guint8 *
make_frame (gsize len)
{
  guint8 *data = g_malloc0 (len);

  memset (data, 0xff, 6);
  data[6] = 0x00; data[7] = 0x01; data[8] = 0x42; data[9] = 0x00; data[10] = 0x99; data[11] = 0x99;
  data[12] = 0x88; data[13] = 0xb5;   /* local experimental ethertype */
  for (gsize i = 14; i < len; i++)
    data[i] = (guint8) i;
  return data;
}

/* A hub with three PCs. */
static void
build_hub (Net         *net,
           CordDevice **hub,
           CordDevice **pcs)
{
  *hub = add (net, "Hub-PT", "Hub0");
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("PC%u", i);
      g_autofree char *hp = g_strdup_printf ("FastEthernet%u", i);

      pcs[i] = add (net, "PC-PT", name);
      link_ports (net, *hub, hp, pcs[i], "FastEthernet0", CORD_CABLE_STRAIGHT);
    }
}

START_TEST (test_hub_repeats)
{
  g_auto(Net) net = { 0 };
  g_autofree guint8 *data = make_frame (60);
  CordDevice *hub, *pcs[3];
  const CordPortCounters *c;

  net_init (&net);
  build_hub (&net, &hub, pcs);
  ck_assert (cord_sim_port_is_up (net.sim, port (hub, "FastEthernet0")));

  /* As if PC0 had sent it: the hub repeats to PC1 and PC2 only. */
  cord_sim_inject (net.sim, port (hub, "FastEthernet0"), data, 60);
  ck_assert_uint_eq (net.events->len, 2);
  ck_assert_ptr_eq (g_array_index (net.events, Sent, 0).to, port (pcs[1], "FastEthernet0"));
  ck_assert_ptr_eq (g_array_index (net.events, Sent, 1).to, port (pcs[2], "FastEthernet0"));
  cord_engine_run (net.engine, G_MAXUINT64);
  c = cord_sim_port_get_counters (net.sim, port (pcs[1], "FastEthernet0"));
  ck_assert_uint_eq (c->in_packets, 1);
  ck_assert_uint_eq (c->in_bytes, 60);
  c = cord_sim_port_get_counters (net.sim, port (hub, "FastEthernet1"));
  ck_assert_uint_eq (c->out_packets, 1);
  c = cord_sim_port_get_counters (net.sim, port (pcs[0], "FastEthernet0"));
  ck_assert_uint_eq (c->in_packets, 0);
}
END_TEST

START_TEST (test_wire_timing)
{
  g_auto(Net) net = { 0 };
  g_autofree guint8 *data = make_frame (100);
  CordDevice *hub, *pcs[3];
  Sent first, second;

  net_init (&net);
  build_hub (&net, &hub, pcs);
  cord_engine_run_for (net.engine, 1000);
  cord_sim_inject (net.sim, port (hub, "FastEthernet0"), data, 100);
  cord_sim_inject (net.sim, port (hub, "FastEthernet0"), data, 100);
  ck_assert_uint_eq (net.events->len, 4);
  first = g_array_index (net.events, Sent, 0);
  second = g_array_index (net.events, Sent, 2);
  /* 100 bytes + 24 of preamble, FCS and gap at 100 Mb/s: 9,920 ns, then
   * 500 ns on the cable. The second waits for the first to leave. */
  ck_assert_uint_eq (first.time, 1000);
  ck_assert_uint_eq (first.arrival, 1000 + 9920 + 500);
  ck_assert_uint_eq (second.arrival, 1000 + 2 * 9920 + 500);
  ck_assert_uint_eq (cord_sim_port_get_bandwidth (net.sim, port (hub, "FastEthernet1")), 100000000);
}
END_TEST

START_TEST (test_queue_limit)
{
  g_auto(Net) net = { 0 };
  g_autofree guint8 *data = make_frame (1000);
  CordDevice *hub, *pcs[3];
  const CordPortCounters *c;

  net_init (&net);
  build_hub (&net, &hub, pcs);
  for (guint i = 0; i < 70; i++)
    cord_sim_inject (net.sim, port (hub, "FastEthernet0"), data, 1000);
  c = cord_sim_port_get_counters (net.sim, port (hub, "FastEthernet1"));
  ck_assert_uint_eq (c->out_packets, 64);
  ck_assert_uint_eq (c->out_drops, 6);
  cord_engine_run (net.engine, G_MAXUINT64);
  c = cord_sim_port_get_counters (net.sim, port (pcs[2], "FastEthernet0"));
  ck_assert_uint_eq (c->in_packets, 64);
}
END_TEST

START_TEST (test_line_state)
{
  g_auto(Net) net = { 0 };
  g_autoptr(GError) error = NULL;
  CordDevice *r1, *s1, *pc;
  CordPort *rp, *sp;
  CordLink *link;

  net_init (&net);
  r1 = add (&net, "1841", "R1");
  s1 = add (&net, "2960-24TT", "S1");
  pc = add (&net, "PC-PT", "PC0");
  link = link_ports (&net, r1, "FastEthernet0/0", s1, "FastEthernet0/1", CORD_CABLE_STRAIGHT);
  rp = port (r1, "FastEthernet0/0");
  sp = port (s1, "FastEthernet0/1");

  /* IOS router interfaces start shut down; the switch end waits too. */
  ck_assert (cord_sim_port_get_shutdown (net.sim, rp));
  ck_assert (!cord_sim_port_is_up (net.sim, rp));
  ck_assert (!cord_sim_port_is_up (net.sim, sp));
  ck_assert (cord_sim_port_set_shutdown (net.sim, rp, FALSE, &error));
  ck_assert (cord_sim_port_is_up (net.sim, rp));
  ck_assert (cord_sim_port_is_up (net.sim, sp));
  ck_assert_uint_eq (net.changes->len, 2);
  ck_assert_str_eq (net.changes->pdata[0], "R1 FastEthernet0/0 up");
  ck_assert_str_eq (net.changes->pdata[1], "S1 FastEthernet0/1 up");

  /* Power off the switch: both ends go down. */
  ck_assert (cord_topology_set_power (net.topology, s1, FALSE, &error));
  ck_assert (!cord_sim_port_is_up (net.sim, rp));
  ck_assert (!cord_sim_port_is_up (net.sim, sp));
  ck_assert (cord_topology_set_power (net.topology, s1, TRUE, &error));
  ck_assert (cord_sim_port_is_up (net.sim, rp));

  /* A router that boots comes back with its interfaces shut down. */
  ck_assert (cord_topology_set_power (net.topology, r1, FALSE, &error));
  ck_assert (cord_topology_set_power (net.topology, r1, TRUE, &error));
  ck_assert (cord_sim_port_get_shutdown (net.sim, rp));
  ck_assert (!cord_sim_port_is_up (net.sim, sp));

  /* The wrong cable keeps the line down whatever the admin state. */
  ck_assert (cord_sim_port_set_shutdown (net.sim, rp, FALSE, &error));
  ck_assert (cord_topology_disconnect (net.topology, link, &error));
  ck_assert (!cord_sim_port_is_up (net.sim, rp));
  link_ports (&net, s1, "FastEthernet0/2", pc, "FastEthernet0", CORD_CABLE_CROSS);
  ck_assert (!cord_sim_port_is_up (net.sim, port (pc, "FastEthernet0")));
  /* Undo the cable, redo it: the sim follows. */
  ck_assert (cord_topology_undo (net.topology, &error));
  ck_assert (cord_topology_undo (net.topology, &error));
  ck_assert (cord_sim_port_is_up (net.sim, rp));

  /* Console ports carry no frames and cannot be shut down. */
  ck_assert (!cord_sim_port_set_shutdown (net.sim, port (r1, "Console"), TRUE, &error));
  ck_assert_ptr_nonnull (error);
}
END_TEST

START_TEST (test_inject_bad_input)
{
  g_auto(Net) net = { 0 };
  g_autofree guint8 *big = make_frame (2000);
  CordDevice *hub, *pcs[3];
  const CordPortCounters *c;
  CordPort *in;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);

  net_init (&net);
  build_hub (&net, &hub, pcs);
  in = port (hub, "FastEthernet0");
  cord_sim_inject (net.sim, in, big, 10);
  cord_sim_inject (net.sim, in, big, 0);
  cord_sim_inject (net.sim, in, big, 2000);
  cord_sim_inject (net.sim, in, big, CORD_FRAME_MAX_LEN + 1);
  c = cord_sim_port_get_counters (net.sim, in);
  ck_assert_uint_eq (c->in_errors, 4);
  ck_assert_uint_eq (net.events->len, 0);
  /* A tag with a reserved VID is not a frame a port accepts. */
  big[12] = 0x81; big[13] = 0x00; big[14] = 0x0f; big[15] = 0xff;
  cord_sim_inject (net.sim, in, big, 64);
  ck_assert_uint_eq (c->in_errors, 5);

  /* Garbage of every length never crashes and is never trusted. */
  for (guint i = 0; i < 2000; i++)
    {
      gsize len = g_rand_int_range (rand, 0, 1600);

      for (gsize b = 0; b < len; b++)
        big[b] = (guint8) g_rand_int_range (rand, 0, 256);
      cord_sim_inject (net.sim, port (pcs[1], "FastEthernet0"), big, len);
      cord_sim_inject (net.sim, in, big, len);
    }
  cord_engine_run (net.engine, G_MAXUINT64);

  /* A powered-off device takes nothing in. */
  {
    g_autoptr(GError) error = NULL;
    guint64 before;

    ck_assert (cord_topology_set_power (net.topology, hub, FALSE, &error));
    before = c->in_packets;
    cord_sim_inject (net.sim, in, big, 64);
    ck_assert_uint_eq (c->in_packets, before);
  }
}
END_TEST

START_TEST (test_capture)
{
  g_auto(Net) net = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cord-wire-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "hub.pcap", NULL);
  g_autofree guint8 *data = make_frame (80);
  g_autofree char *contents = NULL;
  CordDevice *hub, *pcs[3];
  gsize len;

  net_init (&net);
  build_hub (&net, &hub, pcs);
  ck_assert (cord_sim_capture_start (net.sim, port (pcs[1], "FastEthernet0"), path, &error));
  ck_assert (!cord_sim_capture_start (net.sim, port (pcs[1], "FastEthernet0"), path, &error));
  g_clear_error (&error);
  ck_assert (!cord_sim_capture_start (net.sim, port (pcs[1], "RS 232"), path, &error));
  g_clear_error (&error);
  cord_sim_inject (net.sim, port (hub, "FastEthernet0"), data, 80);
  cord_sim_inject (net.sim, port (hub, "FastEthernet2"), data, 70);
  cord_engine_run (net.engine, G_MAXUINT64);
  ck_assert (cord_sim_capture_stop (net.sim, port (pcs[1], "FastEthernet0"), &error));
  ck_assert (!cord_sim_capture_stop (net.sim, port (pcs[1], "FastEthernet0"), &error));
  g_clear_error (&error);

  /* The global header, then two records of 80 and 70 bytes with the
   * virtual arrival times: 104 bytes at 100 Mb/s + 500 ns. */
  ck_assert (g_file_get_contents (path, &contents, &len, NULL));
  ck_assert_uint_eq (len, 24 + 16 + 80 + 16 + 70);
  ck_assert_uint_eq ((guint8) contents[0], 0x4d);   /* nanosecond magic, little-endian */
  ck_assert_uint_eq ((guint8) contents[20], 1);     /* LINKTYPE_ETHERNET */
  ck_assert_uint_eq (GUINT32_FROM_LE (*(guint32 *) (contents + 24 + 4)), 104 * 80 + 500);
  ck_assert_uint_eq (GUINT32_FROM_LE (*(guint32 *) (contents + 24 + 8)), 80);
  ck_assert_int_eq (memcmp (contents + 40, data, 80), 0);
  ck_assert_uint_eq (GUINT32_FROM_LE (*(guint32 *) (contents + 24 + 16 + 80 + 8)), 70);
  g_unlink (path);
  g_rmdir (dir);
}
END_TEST

START_TEST (test_teardown_in_flight)
{
  g_auto(Net) net = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *data = make_frame (1500);
  CordDevice *hub, *pcs[3];
  const CordPortCounters *c;

  net_init (&net);
  build_hub (&net, &hub, pcs);
  for (guint i = 0; i < 10; i++)
    cord_sim_inject (net.sim, port (hub, "FastEthernet0"), data, 1500);
  ck_assert_uint_gt (cord_engine_pending (net.engine), 0);

  /* Pull PC1's cable and switch PC2 off while frames are on the wires:
   * they are lost, and nothing leaks (the sanitizer build checks that). */
  ck_assert (cord_topology_disconnect (net.topology, port (pcs[1], "FastEthernet0")->link, &error));
  ck_assert (cord_topology_set_power (net.topology, pcs[2], FALSE, &error));
  cord_engine_run (net.engine, G_MAXUINT64);
  c = cord_sim_port_get_counters (net.sim, port (pcs[1], "FastEthernet0"));
  ck_assert_uint_eq (c->in_packets, 0);
  c = cord_sim_port_get_counters (net.sim, port (pcs[2], "FastEthernet0"));
  ck_assert_uint_eq (c->in_packets, 0);

  /* Frames still in flight when the sim goes away are freed with it. */
  ck_assert (cord_topology_set_power (net.topology, pcs[2], TRUE, &error));
  for (guint i = 0; i < 10; i++)
    cord_sim_inject (net.sim, port (hub, "FastEthernet0"), data, 1500);
  g_clear_pointer (&net.sim, cord_sim_free);
}
END_TEST

START_TEST (test_modules_follow)
{
  g_auto(Net) net = { 0 };
  g_autoptr(GError) error = NULL;
  CordDevice *pc, *hub;

  net_init (&net);
  pc = add (&net, "PC-PT", "PC0");
  hub = add (&net, "Hub-PT", "Hub0");
  ck_assert (cord_topology_set_power (net.topology, pc, FALSE, &error));
  ck_assert (cord_topology_remove_module (net.topology, pc, "0", &error));
  ck_assert (cord_topology_insert_module (net.topology, pc, "0", "PT-HOST-NM-1CGE", &error));
  ck_assert (cord_topology_set_power (net.topology, pc, TRUE, &error));
  link_ports (&net, pc, "GigabitEthernet0", hub, "FastEthernet3", CORD_CABLE_STRAIGHT);
  ck_assert (cord_sim_port_is_up (net.sim, port (pc, "GigabitEthernet0")));
  /* The slower end sets the pace. */
  ck_assert_uint_eq (cord_sim_port_get_bandwidth (net.sim, port (pc, "GigabitEthernet0")), 100000000);
  /* Deleting and undeleting a device rebuilds its runtime state. */
  ck_assert (cord_topology_remove_device (net.topology, hub, &error));
  ck_assert (cord_topology_undo (net.topology, &error));
  hub = cord_topology_find_device (net.topology, "Hub0");
  ck_assert (cord_sim_port_is_up (net.sim, port (hub, "FastEthernet3")));
}
END_TEST

static Suite *
wire_suite (void)
{
  Suite *suite = suite_create ("wire");
  TCase *tc = tcase_create ("runtime");

  tcase_add_test (tc, test_hub_repeats);
  tcase_add_test (tc, test_wire_timing);
  tcase_add_test (tc, test_queue_limit);
  tcase_add_test (tc, test_line_state);
  tcase_add_test (tc, test_inject_bad_input);
  tcase_add_test (tc, test_capture);
  tcase_add_test (tc, test_teardown_in_flight);
  tcase_add_test (tc, test_modules_follow);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return cord_test_run (wire_suite ());
}
