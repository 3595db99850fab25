/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for undoable configuration edits: commands run through the consoles' IOS, echoed to configuration listeners, undone and redone. */
#include "config.h"

#include <string.h>

#include "cord-error.h"
#include "frame.h"
#include "ios-console.h"
#include "ip.h"
#include "switching.h"
#include "test-util.h"

#define NET_EXTRA_FIELDS                                                      \
  CordConsoles *consoles;                                                     \
  GString      *echo;      /* what the configuration listener heard */        \
  GString      *console;   /* what the console printed */
#include "net-util.h"

static void
on_echo (CordConsole *console,
         const char  *data,
         gsize        len,
         gpointer     user_data)
{
  g_string_append_len (user_data, data, len);
}

static Net *
net_new (void)
{
  Net *net = g_new0 (Net, 1);

  net_init_sim (net);
  net->consoles = cord_consoles_new (net->sim);
  net->echo = g_string_new (NULL);
  net->console = g_string_new (NULL);
  return net;
}

static void
net_free (Net *net)
{
  cord_consoles_free (net->consoles);
  net_clear_sim (net);
  g_string_free (net->echo, TRUE);
  g_string_free (net->console, TRUE);
  g_free (net);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Net, net_free)

/* Adds a running @model called @name whose echo and console output the
 * net collects. */
static CordDevice *
net_add (Net        *net,
         const char *model,
         const char *name)
{
  g_autoptr(GError) error = NULL;
  CordDevice *device = cord_topology_add_device (net->topology, model, name, 100, 100, &error);
  CordConsole *console;

  ck_assert_msg (device != NULL, "%s", error ? error->message : "");
  console = cord_consoles_lookup (net->consoles, device);
  ck_assert_ptr_nonnull (console);
  cord_console_add_config_listener (console, on_echo, net->echo, NULL);
  cord_console_add_listener (console, on_echo, net->console, NULL);
  /* A router without a config asks about the setup dialog first. */
  if (device->model->kind == CORD_KIND_ROUTER)
    cord_console_feed (console, "no\r", 3);
  cord_console_feed (console, "\r", 1);
  /* Only what the edits cause counts. */
  cord_topology_clear_history (net->topology);
  return device;
}

static char *
net_config (Net        *net,
            CordDevice *device)
{
  CordIosSession *session = cord_console_get_session (cord_consoles_lookup (net->consoles, device));

  ck_assert_ptr_nonnull (session);
  return cord_ios_cli_write_config (cord_ios_cli_get_default (), cord_ios_session_get_device (session));
}

static void
configure (Net        *net,
           CordDevice *device,
           const char *commands,
           const char *undo_commands)
{
  g_autoptr(GError) error = NULL;

  ck_assert_msg (cord_topology_configure (net->topology, device, commands, undo_commands,
                                          "Test Edit", &error),
                 "%s", error ? error->message : "");
}

static guint32
if_address (Net        *net,
            CordDevice *device,
            const char *ifname)
{
  CordIpIfInfo info = { 0 };
  guint32 address;

  ck_assert (cord_ip_get_interface (net->sim, device, ifname, &info));
  address = info.address;
  cord_ip_if_info_clear (&info);
  return address;
}

START_TEST (test_address_undo_redo)
{
  g_autoptr(Net) net = net_new ();
  CordDevice *r = net_add (net, "1841", "R1");
  g_autofree char *before = net_config (net, r);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autoptr(GError) error = NULL;

  configure (net, r, "interface FastEthernet0/0\n ip address 192.168.1.1 255.255.255.0",
             "interface FastEthernet0/0\n no ip address");
  ck_assert_str_eq (net->echo->str,
                    "Router(config)#interface FastEthernet0/0\n"
                    "Router(config-if)#ip address 192.168.1.1 255.255.255.0\n"
                    "Router(config-if)#\n");
  ck_assert_uint_eq (if_address (net, r, "FastEthernet0/0"), ip4 ("192.168.1.1"));
  after = net_config (net, r);
  ck_assert_ptr_nonnull (strstr (after, " ip address 192.168.1.1 255.255.255.0\n"));
  /* The lab stores what runs, and knows it changed. */
  ck_assert_str_eq (r->running_config, after);
  ck_assert (cord_topology_is_modified (net->topology));
  ck_assert_str_eq (cord_topology_get_undo_label (net->topology), "Test Edit");

  g_string_truncate (net->echo, 0);
  ck_assert_msg (cord_topology_undo (net->topology, &error), "%s", error ? error->message : "");
  ck_assert_str_eq (net->echo->str,
                    "Router(config)#interface FastEthernet0/0\n"
                    "Router(config-if)#no ip address\n"
                    "Router(config-if)#\n");
  undone = net_config (net, r);
  ck_assert_str_eq (undone, before);
  ck_assert_uint_eq (if_address (net, r, "FastEthernet0/0"), 0);
  ck_assert (!cord_topology_is_modified (net->topology));

  ck_assert_msg (cord_topology_redo (net->topology, &error), "%s", error ? error->message : "");
  ck_assert_uint_eq (if_address (net, r, "FastEthernet0/0"), ip4 ("192.168.1.1"));
  g_free (undone);
  undone = net_config (net, r);
  ck_assert_str_eq (undone, after);
}
END_TEST

START_TEST (test_hostname_undo)
{
  g_autoptr(Net) net = net_new ();
  CordDevice *r = net_add (net, "1841", "R1");
  g_autofree char *before = net_config (net, r);
  g_autofree char *undone = NULL;

  configure (net, r, "hostname R1", "hostname Router");
  ck_assert_str_eq (net->echo->str, "Router(config)#hostname R1\nR1(config)#\n");
  ck_assert_ptr_nonnull (strstr (r->running_config, "\nhostname R1\n"));
  /* The user's console takes the new name at its next prompt. */
  cord_console_feed (cord_consoles_lookup (net->consoles, r), "\r", 1);
  ck_assert (g_str_has_suffix (net->console->str, "R1>"));

  ck_assert (cord_topology_undo (net->topology, NULL));
  ck_assert (g_str_has_suffix (net->echo->str, "R1(config)#hostname Router\nRouter(config)#\n"));
  undone = net_config (net, r);
  ck_assert_str_eq (undone, before);
}
END_TEST

START_TEST (test_refused_line)
{
  g_autoptr(Net) net = net_new ();
  CordDevice *r = net_add (net, "1841", "R1");
  g_autofree char *before = net_config (net, r);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  configure (net, r, "hostname Edge", "hostname Router");
  ck_assert (!cord_topology_configure (net->topology, r,
                                       "interface FastEthernet0/0\nip address 300.1.1.1 255.0.0.0",
                                       "interface FastEthernet0/0\nno ip address",
                                       "Bad Edit", &error));
  ck_assert_int_eq (error->code, CORD_ERROR_INVALID);
  ck_assert_msg (strstr (error->message, "% Invalid input detected at '^' marker.") != NULL,
                 "%s", error->message);
  ck_assert_ptr_nonnull (strstr (error->message, "ip address 300.1.1.1"));
  /* The echo shows IOS's answer as the CLI would. */
  ck_assert_msg (strstr (net->echo->str,
                                 "Edge(config-if)#ip address 300.1.1.1 255.0.0.0\n"
                                 "                           ^\n"
                                 "% Invalid input detected at '^' marker.\n") != NULL, "%s", net->echo->str);
  /* Nothing recorded: undo still undoes the hostname. */
  ck_assert_str_eq (cord_topology_get_undo_label (net->topology), "Test Edit");
  ck_assert (cord_topology_undo (net->topology, NULL));
  ck_assert (!cord_topology_can_undo (net->topology));
  after = net_config (net, r);
  ck_assert_str_eq (after, before);
}
END_TEST

START_TEST (test_partial_failure_rolls_back)
{
  g_autoptr(Net) net = net_new ();
  CordDevice *r = net_add (net, "1841", "R1");
  g_autofree char *before = net_config (net, r);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  /* The first lines run before the third is refused; the inverse puts
   * their change back. */
  ck_assert (!cord_topology_configure (net->topology, r,
                                       "hostname Half\ninterface FastEthernet0/0\nspeed 7",
                                       "hostname Router", "Bad Edit", &error));
  ck_assert (!cord_topology_can_undo (net->topology));
  after = net_config (net, r);
  ck_assert_str_eq (after, before);
}
END_TEST

START_TEST (test_device_off_or_booting)
{
  g_autoptr(Net) net = net_new ();
  CordDevice *r = net_add (net, "1841", "R1");
  g_autoptr(GError) error = NULL;

  ck_assert (cord_topology_set_power (net->topology, r, FALSE, NULL));
  ck_assert (!cord_topology_configure (net->topology, r, "hostname R1", "hostname Router",
                                       "Test Edit", &error));
  ck_assert_msg (strstr (error->message, "Power it on") != NULL, "%s", error->message);
  ck_assert_str_eq (cord_topology_get_undo_label (net->topology), "Power Off");
  g_clear_error (&error);

  ck_assert (cord_topology_set_power (net->topology, r, TRUE, NULL));
  ck_assert (!cord_topology_configure (net->topology, r, "hostname R1", "hostname Router",
                                       "Test Edit", &error));
  ck_assert_int_eq (error->code, CORD_ERROR_BUSY);
  ck_assert_msg (strstr (error->message, "booting") != NULL, "%s", error->message);
  g_clear_error (&error);
  ck_assert (cord_console_run_until_idle (cord_consoles_lookup (net->consoles, r),
                                          10 * CORD_ENGINE_NS_PER_SEC, NULL));
  configure (net, r, "hostname R1", "hostname Router");
  ck_assert_str_eq (net->echo->str, "Router(config)#hostname R1\nR1(config)#\n");
}
END_TEST

START_TEST (test_no_runner)
{
  g_autoptr(CordTopology) topology = cord_topology_new (cord_catalog_get_default ());
  CordDevice *r = cord_topology_add_device (topology, "1841", "R1", 0, 0, NULL);
  g_autoptr(GError) error = NULL;

  ck_assert (!cord_topology_configure (topology, r, "hostname R1", "hostname Router",
                                       "Test Edit", &error));
  ck_assert_int_eq (error->code, CORD_ERROR_NOT_SUPPORTED);
  ck_assert_str_eq (cord_topology_get_undo_label (topology), "Add Device");
}
END_TEST

START_TEST (test_user_session_keeps_its_mode)
{
  g_autoptr(Net) net = net_new ();
  CordDevice *r = net_add (net, "1841", "R1");
  CordConsole *console = cord_consoles_lookup (net->consoles, r);
  static const char keys[] = "enable\rconfigure terminal\rinterface FastEthernet0/1\r";

  cord_console_feed (console, keys, sizeof keys - 1);
  ck_assert_int_eq (cord_ios_session_get_node (cord_console_get_session (console)),
                    CORD_IOS_NODE_INTERFACE);
  g_string_truncate (net->console, 0);
  configure (net, r, "interface FastEthernet0/0\nno shutdown",
             "interface FastEthernet0/0\nshutdown");
  ck_assert_int_eq (cord_ios_session_get_node (cord_console_get_session (console)),
                    CORD_IOS_NODE_INTERFACE);
  /* IOS logs the change on the console and in the echo alike. */
  ck_assert_msg (strstr (net->console->str,
                         "%LINK-3-UPDOWN: Interface FastEthernet0/0, changed state to down") != NULL ||
                 strstr (net->console->str, "%LINK-5-CHANGED: Interface FastEthernet0/0") != NULL,
                 "console: %s", net->console->str);
  ck_assert_msg (strstr (net->echo->str, "Router(config-if)#no shutdown\n") != NULL, "%s", net->echo->str);
  ck_assert_msg (strstr (net->echo->str, "\n%LINK-") != NULL, "%s", net->echo->str);
  ck_assert (g_str_has_suffix (net->echo->str, "Router(config-if)#\n"));
}
END_TEST

START_TEST (test_vlans)
{
  g_autoptr(Net) net = net_new ();
  CordDevice *s = net_add (net, "2960-24TT", "S1");
  g_autofree char *before = net_config (net, s);
  GArray *vlans;
  gboolean named = FALSE;

  configure (net, s, "vlan 10\n name Sales", "no vlan 10");
  ck_assert_str_eq (net->echo->str,
                    "Switch(config)#vlan 10\n"
                    "Switch(config-vlan)#name Sales\n"
                    "Switch(config-vlan)#\n");
  ck_assert (cord_switch_vlan_exists (net->sim, s, 10));
  ck_assert_ptr_nonnull (strstr (s->vlan_database, "name Sales"));
  ck_assert (cord_topology_undo (net->topology, NULL));
  ck_assert (!cord_switch_vlan_exists (net->sim, s, 10));
  ck_assert (cord_topology_redo (net->topology, NULL));
  ck_assert (cord_switch_vlan_exists (net->sim, s, 10));

  /* Removing it; undo brings its name back. */
  configure (net, s, "no vlan 10", "vlan 10\n name Sales");
  ck_assert (!cord_switch_vlan_exists (net->sim, s, 10));
  ck_assert (cord_topology_undo (net->topology, NULL));
  vlans = cord_switch_list_vlans (net->sim, s);
  for (guint i = 0; i < vlans->len; i++)
    {
      const CordVlanInfo *vlan = &g_array_index (vlans, CordVlanInfo, i);

      if (vlan->vid == 10)
        named = strcmp (vlan->name, "Sales") == 0;
    }
  g_array_unref (vlans);
  ck_assert (named);
  ck_assert (cord_topology_undo (net->topology, NULL));
  ck_assert (!cord_switch_vlan_exists (net->sim, s, 10));
  {
    g_autofree char *undone = net_config (net, s);

    ck_assert_str_eq (undone, before);
  }
}
END_TEST

START_TEST (test_static_route)
{
  g_autoptr(Net) net = net_new ();
  CordDevice *r = net_add (net, "1841", "R1");
  GArray *routes;

  configure (net, r, "ip route 10.0.0.0 255.0.0.0 192.168.1.2",
             "no ip route 10.0.0.0 255.0.0.0 192.168.1.2");
  routes = cord_ip_list_static_routes (net->sim, r);
  ck_assert_uint_eq (routes->len, 1);
  ck_assert_uint_eq (g_array_index (routes, CordRouteInfo, 0).nexthop, ip4 ("192.168.1.2"));
  g_array_unref (routes);
  ck_assert_msg (strstr (r->running_config, "ip route 10.0.0.0 255.0.0.0 192.168.1.2") != NULL, "%s", r->running_config);
  ck_assert (cord_topology_undo (net->topology, NULL));
  routes = cord_ip_list_static_routes (net->sim, r);
  ck_assert_uint_eq (routes->len, 0);
  g_array_unref (routes);
  ck_assert_ptr_null (strstr (r->running_config, "ip route"));
}
END_TEST

static guint64
if_mac (Net        *net,
        CordDevice *device,
        const char *ifname)
{
  CordIpIfInfo info = { 0 };
  guint64 mac;

  ck_assert (cord_ip_get_interface (net->sim, device, ifname, &info));
  mac = info.mac;
  cord_ip_if_info_clear (&info);
  return mac;
}

static void
power_cycle (Net        *net,
             CordDevice *device)
{
  ck_assert (cord_topology_set_power (net->topology, device, FALSE, NULL));
  ck_assert (cord_topology_set_power (net->topology, device, TRUE, NULL));
  ck_assert (cord_console_run_until_idle (cord_consoles_lookup (net->consoles, device),
                                          10 * CORD_ENGINE_NS_PER_SEC, NULL));
}

/* `mac-address` lasts through a reload only when it was saved. */
START_TEST (test_mac_address_reload)
{
  g_autoptr(Net) net = net_new ();
  CordDevice *r = net_add (net, "1841", "R1");
  guint64 bia = cord_device_find_port (r, "FastEthernet0/0")->mac;
  const guint64 mac = G_GUINT64_CONSTANT (0x00014200abcd);

  configure (net, r, "interface FastEthernet0/0\n mac-address 0001.4200.abcd",
             "interface FastEthernet0/0\n no mac-address");
  ck_assert_uint_eq (if_mac (net, r, "FastEthernet0/0"), mac);
  power_cycle (net, r);
  ck_assert_uint_eq (if_mac (net, r, "FastEthernet0/0"), bia);

  /* Saved as `write memory` would: the boot replays it. */
  configure (net, r, "interface FastEthernet0/0\n mac-address 0001.4200.abcd",
             "interface FastEthernet0/0\n no mac-address");
  ck_assert_ptr_nonnull (strstr (r->running_config, " mac-address 0001.4200.abcd\n"));
  ck_assert (cord_topology_set_config (net->topology, r, CORD_CONFIG_STARTUP, r->running_config, NULL));
  power_cycle (net, r);
  ck_assert_uint_eq (if_mac (net, r, "FastEthernet0/0"), mac);
}
END_TEST

static Suite *
configure_suite (void)
{
  Suite *suite = suite_create ("configure");
  TCase *edits = tcase_create ("edits");

  tcase_add_test (edits, test_address_undo_redo);
  tcase_add_test (edits, test_hostname_undo);
  tcase_add_test (edits, test_refused_line);
  tcase_add_test (edits, test_partial_failure_rolls_back);
  tcase_add_test (edits, test_device_off_or_booting);
  tcase_add_test (edits, test_no_runner);
  tcase_add_test (edits, test_user_session_keeps_its_mode);
  tcase_add_test (edits, test_vlans);
  tcase_add_test (edits, test_static_route);
  tcase_add_test (edits, test_mac_address_reload);
  suite_add_tcase (suite, edits);
  return suite;
}

int
main (void)
{
  return cord_test_run (configure_suite ());
}
