/* SPDX-License-Identifier: GPL-3.0-or-later */
/* End-to-end tests of the routers' DHCP server: PCs on DHCP get leases through a switch, ping, release, fall back to APIPA, and per-VLAN pools on a router on a stick. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "cmd-interface.h"
#include "dhcp.h"
#include "dhcp-server.h"
#include "ios-session.h"
#include "ip.h"
#include "net-util.h"
#include "sim.h"
#include "switching.h"
#include "test-util.h"

#define SEC CORD_ENGINE_NS_PER_SEC

static void
check_ok (gboolean      ok,
          const GError *error)
{
  ck_assert_msg (ok, "%s", error != NULL ? error->message : "");
}

static void
pool (Net        *net,
      const char *router,
      const char *name,
      const char *network,
      const char *mask,
      const char *gateway,
      const char *dns)
{
  g_autoptr(GError) error = NULL;
  CordDhcpPool p = { (char *) name, ip4 (network), ip4 (mask), gateway != NULL ? ip4 (gateway) : 0,
                     dns != NULL ? ip4 (dns) : 0, NULL, 0 };

  check_ok (cord_dhcp_server_set_pool (net->sim, dev (net, router), &p, &error), error);
}

static void
access_port (Net        *net,
             const char *sw,
             const char *p,
             guint       vlan)
{
  g_autoptr(GError) error = NULL;
  gboolean created;

  check_ok (cord_switch_port_set_mode (net->sim, dev_port (net, sw, p), CORD_SWITCHPORT_ACCESS, &error), error);
  check_ok (cord_switch_port_set_access_vlan (net->sim, dev_port (net, sw, p), vlan, &created, &error), error);
}

/* Asks for a lease and lets virtual time run until the attempt is over. */
static void
renew (Net        *net,
       const char *pc)
{
  g_autoptr(GError) error = NULL;

  check_ok (cord_dhcp_start (net->sim, dev (net, pc), NULL, NULL, &error), error);
  for (guint i = 0; i < 30 && cord_dhcp_is_running (net->sim, dev (net, pc)); i++)
    cord_engine_run_for (net->engine, SEC);
  ck_assert (!cord_dhcp_is_running (net->sim, dev (net, pc)));
}

static void
assert_host (Net        *net,
             const char *pc,
             const char *address,
             const char *mask,
             const char *gateway,
             const char *dns)
{
  const CordHostIp *h = &dev (net, pc)->host;
  char got[CORD_FRAME_IPV4_STRLEN];

  ck_assert (h->dhcp);
  ck_assert_msg (h->address == ip4 (address), "%s has %s, not %s", pc,
                 cord_frame_ipv4_to_string (h->address, got), address);
  ck_assert_uint_eq (h->mask, ip4 (mask));
  ck_assert_uint_eq (h->gateway, gateway != NULL ? ip4 (gateway) : 0);
  ck_assert_uint_eq (h->dns, dns != NULL ? ip4 (dns) : 0);
}

/* Pings on virtual time; the number of replies. */
/* The replies to four pings. */
static guint
ping (Net        *net,
      const char *from,
      const char *to)
{
  g_auto(PingLog) log = { 0 };

  ping_run (net, &log, from, to, 4);
  return log.stats.received;
}

static void
capture (CordIosSession *session,
         const char     *data,
         gsize           len,
         gpointer        user_data)
{
  g_string_append_len (user_data, data, len);
}

/* What @router's console prints for @commands, typed from privileged EXEC. */
static char *
console (Net        *net,
         const char *router,
         const char *commands)
{
  g_autoptr(CordIosDevice) ios = cord_ios_device_new (CORD_IOS_PLATFORM_ROUTER, net->sim, dev (net, router));
  g_autoptr(CordIosSession) session = NULL;
  GString *out = g_string_new (NULL);

  ios->lookup_interface = cord_ios_interface_lookup;
  session = cord_ios_session_new (cord_ios_cli_get_default (), ios);
  cord_ios_session_set_output (session, capture, out, NULL);
  cord_ios_session_start (session);
  cord_ios_session_feed (session, "\renable\rterminal length 0\r", strlen ("\renable\rterminal length 0\r"));
  g_string_truncate (out, 0);
  cord_ios_session_feed (session, commands, strlen (commands));
  return g_string_free (out, FALSE);
}

static char *
dotted_mac (Net        *net,
            const char *pc)
{
  guint64 mac = dev_port (net, pc, "FastEthernet0")->mac;

  return g_strdup_printf ("%04x.%04x.%04x", (guint) (mac >> 32) & 0xffff, (guint) (mac >> 16) & 0xffff,
                          (guint) mac & 0xffff);
}

/* R1 (1841) serves 192.168.1.0/24 through S1 (2960) to PC0 and PC1. */
static void
lan (Net *net)
{
  g_autoptr(GError) error = NULL;

  add (net, "1841", "R1");
  add (net, "2960-24TT", "S1");
  host (net, "PC-PT", "PC0", NULL, NULL, NULL);
  host (net, "PC-PT", "PC1", NULL, NULL, NULL);
  cable (net, "R1", "FastEthernet0/0", "S1", "FastEthernet0/1");
  cable (net, "PC0", "FastEthernet0", "S1", "FastEthernet0/2");
  cable (net, "PC1", "FastEthernet0", "S1", "FastEthernet0/3");
  router_if (net, "R1", "FastEthernet0/0", "192.168.1.1", "255.255.255.0");
  pool (net, "R1", "LAN", "192.168.1.0", "255.255.255.0", "192.168.1.1", "192.168.1.5");
  check_ok (cord_dhcp_server_exclude (net->sim, dev (net, "R1"), ip4 ("192.168.1.1"), ip4 ("192.168.1.10"),
                                      TRUE, &error), error);
  /* The router and the switch boot. */
  cord_engine_run_for (net->engine, 60 * SEC);
}

START_TEST (test_lan)
{
  g_auto(Net) net = { 0 };
  g_autofree char *mac0 = NULL, *mac1 = NULL, *shown = NULL, *row0 = NULL, *row1 = NULL, *after = NULL;
  g_autoptr(GArray) bindings = NULL;

  net_init (&net);
  lan (&net);
  renew (&net, "PC0");
  assert_host (&net, "PC0", "192.168.1.11", "255.255.255.0", "192.168.1.1", "192.168.1.5");
  ck_assert_uint_eq (cord_dhcp_get_server (net.sim, dev (&net, "PC0")), ip4 ("192.168.1.1"));
  renew (&net, "PC1");
  assert_host (&net, "PC1", "192.168.1.12", "255.255.255.0", "192.168.1.1", "192.168.1.5");

  ck_assert_uint_eq (ping (&net, "PC0", "192.168.1.12"), 4);
  ck_assert_uint_eq (ping (&net, "PC1", "192.168.1.1"), 4);
  ck_assert_uint_eq (ping (&net, "PC0", "192.168.1.1"), 4);

  /* The router lists both, with their MACs. */
  mac0 = dotted_mac (&net, "PC0");
  mac1 = dotted_mac (&net, "PC1");
  row0 = g_strdup_printf ("192.168.1.11     %-25s--                     Automatic\r\n", mac0);
  row1 = g_strdup_printf ("192.168.1.12     %-25s--                     Automatic\r\n", mac1);
  shown = console (&net, "R1", "show ip dhcp binding\r");
  ck_assert_msg (strstr (shown, "IP address       Client-ID/              Lease expiration        Type\r\n"
                                "                 Hardware address\r\n") != NULL, "%s", shown);
  ck_assert_msg (strstr (shown, row0) != NULL && strstr (shown, row1) != NULL, "%s", shown);

  /* A renewal keeps the address; a release frees it. */
  renew (&net, "PC0");
  assert_host (&net, "PC0", "192.168.1.11", "255.255.255.0", "192.168.1.1", "192.168.1.5");
  check_ok (cord_dhcp_release (net.sim, dev (&net, "PC0"), NULL), NULL);
  cord_engine_run_for (net.engine, SEC);
  bindings = cord_dhcp_server_list_bindings (net.sim, dev (&net, "R1"));
  ck_assert_uint_eq (bindings->len, 1);
  ck_assert_uint_eq (g_array_index (bindings, CordDhcpBinding, 0).address, ip4 ("192.168.1.12"));
  after = console (&net, "R1", "show ip dhcp binding\r");
  ck_assert_msg (strstr (after, row0) == NULL && strstr (after, row1) != NULL, "%s", after);

  /* clear ip dhcp binding * empties the table. */
  g_free (after);
  after = console (&net, "R1", "clear ip dhcp binding *\rshow ip dhcp binding\r");
  ck_assert_msg (strstr (after, row1) == NULL, "%s", after);
}
END_TEST

/* A release right after the lease, before the PC has ever ARPed for the
 * router, still reaches it: the PC sends it to the MAC its ACK came from. */
START_TEST (test_release_unresolved)
{
  g_auto(Net) net = { 0 };
  g_autoptr(GArray) bindings = NULL;

  net_init (&net);
  lan (&net);
  renew (&net, "PC0");
  assert_host (&net, "PC0", "192.168.1.11", "255.255.255.0", "192.168.1.1", "192.168.1.5");
  bindings = cord_dhcp_server_list_bindings (net.sim, dev (&net, "R1"));
  ck_assert_uint_eq (bindings->len, 1);
  g_clear_pointer (&bindings, g_array_unref);
  check_ok (cord_dhcp_release (net.sim, dev (&net, "PC0"), NULL), NULL);
  cord_engine_run_for (net.engine, SEC);
  bindings = cord_dhcp_server_list_bindings (net.sim, dev (&net, "R1"));
  ck_assert_uint_eq (bindings->len, 0);
}
END_TEST

/* Without `service dhcp` nothing answers: APIPA. */
START_TEST (test_service_off)
{
  g_auto(Net) net = { 0 };
  g_autofree char *config = NULL;

  net_init (&net);
  lan (&net);
  config = console (&net, "R1", "configure terminal\rno service dhcp\rend\rshow running-config\r");
  ck_assert_msg (strstr (config, "no service password-encryption\r\nno service dhcp\r\n!\r\n") != NULL,
                 "%s", config);
  renew (&net, "PC0");
  ck_assert_uint_eq (dev (&net, "PC0")->host.address & CORD_DHCP_APIPA_MASK, 0xa9fe0000u);
}
END_TEST

/* A router whose interface no pool covers stays silent. */
START_TEST (test_no_pool_apipa)
{
  g_auto(Net) net = { 0 };

  net_init (&net);
  add (&net, "1841", "R1");
  host (&net, "PC-PT", "PC0", NULL, NULL, NULL);
  cable (&net, "R1", "FastEthernet0/0", "PC0", "FastEthernet0");
  router_if (&net, "R1", "FastEthernet0/0", "10.0.0.1", "255.255.255.0");
  pool (&net, "R1", "OTHER", "192.168.1.0", "255.255.255.0", "192.168.1.1", NULL);
  cord_engine_run_for (net.engine, SEC);
  renew (&net, "PC0");
  ck_assert_uint_eq (dev (&net, "PC0")->host.address, cord_dhcp_apipa_address (dev_port (&net, "PC0",
                                                                                          "FastEthernet0")->mac));
  ck_assert_uint_eq (cord_dhcp_server_list_bindings (net.sim, dev (&net, "R1"))->len, 0);
}
END_TEST

/* Router on a stick: each VLAN's subinterface hands out its own subnet. */
START_TEST (test_router_on_a_stick)
{
  g_auto(Net) net = { 0 };
  g_autoptr(GError) error = NULL;

  net_init (&net);
  add (&net, "1841", "R1");
  add (&net, "2960-24TT", "S1");
  host (&net, "PC-PT", "PC0", NULL, NULL, NULL);
  host (&net, "PC-PT", "PC1", NULL, NULL, NULL);
  cable (&net, "R1", "FastEthernet0/0", "S1", "FastEthernet0/1");
  cable (&net, "PC0", "FastEthernet0", "S1", "FastEthernet0/2");
  cable (&net, "PC1", "FastEthernet0", "S1", "FastEthernet0/3");
  check_ok (cord_switch_port_set_mode (net.sim, dev_port (&net, "S1", "FastEthernet0/1"), CORD_SWITCHPORT_TRUNK,
                                       &error), error);
  access_port (&net, "S1", "FastEthernet0/2", 10);
  access_port (&net, "S1", "FastEthernet0/3", 20);
  router_if (&net, "R1", "FastEthernet0/0", NULL, NULL);
  check_ok (cord_ip_subif_add (net.sim, dev (&net, "R1"), "FastEthernet0/0.10", &error), error);
  check_ok (cord_ip_subif_add (net.sim, dev (&net, "R1"), "FastEthernet0/0.20", &error), error);
  check_ok (cord_ip_if_set_encapsulation (net.sim, dev (&net, "R1"), "FastEthernet0/0.10", 10, FALSE, &error),
            error);
  check_ok (cord_ip_if_set_encapsulation (net.sim, dev (&net, "R1"), "FastEthernet0/0.20", 20, FALSE, &error),
            error);
  router_if (&net, "R1", "FastEthernet0/0.10", "192.168.10.1", "255.255.255.0");
  router_if (&net, "R1", "FastEthernet0/0.20", "192.168.20.1", "255.255.255.0");
  pool (&net, "R1", "V20", "192.168.20.0", "255.255.255.0", "192.168.20.1", NULL);
  pool (&net, "R1", "V10", "192.168.10.0", "255.255.255.0", "192.168.10.1", NULL);
  cord_engine_run_for (net.engine, 60 * SEC);

  renew (&net, "PC0");
  renew (&net, "PC1");
  /* The router's own .1 is never offered. */
  assert_host (&net, "PC0", "192.168.10.2", "255.255.255.0", "192.168.10.1", NULL);
  assert_host (&net, "PC1", "192.168.20.2", "255.255.255.0", "192.168.20.1", NULL);
  /* The router resolves PC1 while the first echo waits: IOS drops it. */
  ck_assert_uint_ge (ping (&net, "PC0", "192.168.20.2"), 3);
}
END_TEST

static gboolean
contains (const char *haystack,
          const char *needle)
{
  return strstr (haystack, needle) != NULL;
}

/* Wireshark reads the four messages as DHCP, when it is installed. */
START_TEST (test_tshark)
{
  g_autofree char *tshark = g_find_program_in_path ("tshark");
  g_auto(Net) net = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL, *file = NULL, *out = NULL, *err = NULL;
  int status = 0;

  if (tshark == NULL)
    return;
  net_init (&net);
  lan (&net);
  dir = g_dir_make_tmp ("patchcord-dhcpd-XXXXXX", &error);
  ck_assert_ptr_nonnull (dir);
  file = g_build_filename (dir, "dhcpd.pcap", NULL);
  check_ok (cord_sim_capture_start (net.sim, dev_port (&net, "PC0", "FastEthernet0"), file, &error), error);
  renew (&net, "PC0");
  check_ok (cord_sim_capture_stop_all (net.sim, &error), error);
  {
    const char *argv[] = {
      tshark, "-n", "-r", file, "-V", "-o", "ip.check_checksum:TRUE", "-o", "udp.check_checksum:TRUE", NULL,
    };

    ck_assert (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                             &error));
  }
  ck_assert_msg (g_spawn_check_wait_status (status, NULL), "tshark failed: %.3000s", err);
  ck_assert_msg (contains (out, "DHCP: Discover (1)"), "%.4000s", out);
  ck_assert_msg (contains (out, "DHCP: Offer (2)"), "%.4000s", out);
  ck_assert_msg (contains (out, "DHCP: Request (3)"), "%.4000s", out);
  ck_assert_msg (contains (out, "DHCP: ACK (5)"), "%.4000s", out);
  ck_assert_msg (contains (out, "Your (client) IP address: 192.168.1.11"), "%.4000s", out);
  ck_assert_msg (contains (out, "DHCP Server Identifier: 192.168.1.1"), "%.4000s", out);
  ck_assert_msg (contains (out, "IP Address Lease Time: (86400s) 1 day"), "%.4000s", out);
  ck_assert_msg (contains (out, "Subnet Mask: 255.255.255.0"), "%.4000s", out);
  ck_assert_msg (contains (out, "Router: 192.168.1.1"), "%.4000s", out);
  ck_assert_msg (contains (out, "Domain Name Server: 192.168.1.5"), "%.4000s", out);
  ck_assert_msg (!contains (out, "Malformed"), "%.4000s", out);
  ck_assert_msg (!contains (out, "Bad]"), "%.4000s", out);
  ck_assert_msg (!contains (out, "Expert Info (Error"), "%.4000s", out);
  g_unlink (file);
  g_rmdir (dir);
}
END_TEST

static Suite *
dhcp_server_suite (void)
{
  Suite *suite = suite_create ("dhcp-server");
  TCase *tc = tcase_create ("dhcp-server");

  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_lan);
  tcase_add_test (tc, test_release_unresolved);
  tcase_add_test (tc, test_service_off);
  tcase_add_test (tc, test_no_pool_apipa);
  tcase_add_test (tc, test_router_on_a_stick);
  tcase_add_test (tc, test_tshark);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return cord_test_run (dhcp_server_suite ());
}
