/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for the Config tab: its forms run IOS commands as undoable edits, show them in the pane and follow the device. */
#include "config.h"

#include <string.h>
#include <gtk/gtk.h>

#include "cord-config-page.h"
#include "cord-document.h"
#include "frame.h"
#include "gtk-test-util.h"
#include "ios-console.h"
#include "ip.h"
#include "switching.h"
#include "test-util.h"

typedef struct {
  CordDocument *document;
  CordTopology *topology;
  CordDevice   *device;
  GtkWidget    *page;
  GtkWindow    *window;
} Fixture;

static Fixture fx;

static void
open_page (const char *model,
           const char *name)
{
  g_autoptr(GError) error = NULL;

  fx.document = cord_document_new ();
  fx.topology = cord_document_get_topology (fx.document);
  fx.device = cord_topology_add_device (fx.topology, model, name, 100, 100, &error);
  ck_assert_msg (fx.device != NULL, "%s", error ? error->message : "");
  cord_topology_clear_history (fx.topology);
  fx.page = cord_config_page_new (fx.document, fx.device);
  fx.window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fx.window, 760, 620);
  gtk_window_set_child (fx.window, fx.page);
  gtk_window_present (fx.window);
  cord_test_iterate ();
}

static void
close_page (void)
{
  g_clear_pointer (&fx.window, gtk_window_destroy);
  cord_test_iterate ();
  g_clear_object (&fx.document);
  memset (&fx, 0, sizeof fx);
}

static GtkWidget *
find_in (GtkWidget  *widget,
         const char *name)
{
  if (strcmp (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_in (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find (const char *name)
{
  GtkWidget *widget = find_in (fx.page, name);

  ck_assert_msg (widget != NULL, "no widget %s", name);
  return widget;
}

static void
type_and_apply (const char *name,
                const char *text)
{
  GtkWidget *entry = find (name);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
  cord_test_iterate ();
}

static char *
pane_text (void)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find ("ios-commands")));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static guint32
if_address (const char *ifname)
{
  CordIpIfInfo info = { 0 };
  guint32 address;

  ck_assert (cord_ip_get_interface (cord_document_get_sim (fx.document), fx.device, ifname, &info));
  address = info.address;
  cord_ip_if_info_clear (&info);
  return address;
}

START_TEST (test_hostname)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  open_page ("1841", "R1");
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (find ("hostname"))), "Router");
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (find ("display-name"))), "R1");
  type_and_apply ("hostname", "R1");
  text = pane_text ();
  ck_assert_str_eq (text, "Router(config)#hostname R1\nR1(config)#\n");
  ck_assert_ptr_nonnull (strstr (fx.device->running_config, "\nhostname R1\n"));
  ck_assert_str_eq (cord_topology_get_undo_label (fx.topology), "Change Hostname");

  ck_assert_msg (cord_topology_undo (fx.topology, &error), "%s", error ? error->message : "");
  cord_test_iterate ();
  /* The form follows the device, and the pane shows what undo ran. */
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (find ("hostname"))), "Router");
  ck_assert_ptr_nonnull (strstr (fx.device->running_config, "\nhostname Router\n"));
  g_free (text);
  text = pane_text ();
  ck_assert_str_eq (text, "Router(config)#hostname R1\nR1(config)#\n"
                          "R1(config)#hostname Router\nRouter(config)#\n");

  /* A bad hostname is marked and not applied. */
  gtk_editable_set_text (GTK_EDITABLE (find ("hostname")), "9 lives");
  ck_assert (gtk_widget_has_css_class (find ("hostname"), "error"));
  g_signal_emit_by_name (find ("hostname"), "activate");
  ck_assert (!cord_topology_can_undo (fx.topology));
  close_page ();
}
END_TEST

START_TEST (test_interface_address)
{
  GtkWidget *address;
  guint32 expected;
  g_autofree char *text = NULL;

  open_page ("1841", "R1");
  ck_assert (cord_config_page_select (CORD_CONFIG_PAGE (fx.page), "if:FastEthernet0/0"));
  cord_test_iterate ();
  address = find ("ip-address");

  /* Marked as typed, with a tooltip that says why, and not applied. */
  gtk_editable_set_text (GTK_EDITABLE (address), "300.1.1.1");
  ck_assert (gtk_widget_has_css_class (address, "error"));
  ck_assert_ptr_nonnull (gtk_widget_get_tooltip_text (address));
  g_signal_emit_by_name (address, "activate");
  cord_test_iterate ();
  ck_assert_uint_eq (if_address ("FastEthernet0/0"), 0);
  ck_assert (!cord_topology_can_undo (fx.topology));

  /* A valid address takes its class's mask, as in Packet Tracer. */
  gtk_editable_set_text (GTK_EDITABLE (address), "192.168.1.1");
  ck_assert (!gtk_widget_has_css_class (address, "error"));
  g_signal_emit_by_name (address, "activate");
  cord_test_iterate ();
  ck_assert (cord_frame_ipv4_parse ("192.168.1.1", &expected));
  ck_assert_uint_eq (if_address ("FastEthernet0/0"), expected);
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (find ("subnet-mask"))), "255.255.255.0");
  text = pane_text ();
  ck_assert_str_eq (text, "Router(config)#interface FastEthernet0/0\n"
                          "Router(config-if)#ip address 192.168.1.1 255.255.255.0\n"
                          "Router(config-if)#\n");

  /* Port status: a router's port ships shut. */
  ck_assert (!gtk_check_button_get_active (GTK_CHECK_BUTTON (find ("port-status"))));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find ("port-status")), TRUE);
  cord_test_iterate ();
  g_free (text);
  text = pane_text ();
  ck_assert_msg (strstr (text, "Router(config-if)#no shutdown\n") != NULL, "%s", text);
  cord_test_screenshot (GTK_WIDGET (fx.window), "config-page-interface");

  ck_assert (cord_topology_undo (fx.topology, NULL));
  ck_assert (cord_topology_undo (fx.topology, NULL));
  cord_test_iterate ();
  ck_assert_uint_eq (if_address ("FastEthernet0/0"), 0);
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (address)), "");
  ck_assert (!gtk_check_button_get_active (GTK_CHECK_BUTTON (find ("port-status"))));
  close_page ();
}
END_TEST

START_TEST (test_interface_mac)
{
  CordSim *sim;
  CordIpIfInfo info = { 0 };
  GtkWidget *mac;
  g_autofree char *text = NULL;
  g_autofree char *bia = NULL;
  guint64 burned_in;

  open_page ("1841", "R1");
  sim = cord_document_get_sim (fx.document);
  ck_assert (cord_config_page_select (CORD_CONFIG_PAGE (fx.page), "if:FastEthernet0/0"));
  cord_test_iterate ();
  mac = find ("mac-address");
  ck_assert (GTK_IS_EDITABLE (mac));
  ck_assert (cord_ip_get_interface (sim, fx.device, "FastEthernet0/0", &info));
  burned_in = info.bia;
  cord_ip_if_info_clear (&info);
  bia = cord_mac_format (burned_in);
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (mac)), bia);

  /* Bad forms and a multicast address are marked as typed, not applied. */
  gtk_editable_set_text (GTK_EDITABLE (mac), "0001.4200.abc");
  ck_assert (gtk_widget_has_css_class (mac, "error"));
  gtk_editable_set_text (GTK_EDITABLE (mac), "0100.5e00.0001");
  ck_assert (gtk_widget_has_css_class (mac, "error"));
  ck_assert_ptr_nonnull (gtk_widget_get_tooltip_text (mac));
  g_signal_emit_by_name (mac, "activate");
  cord_test_iterate ();
  ck_assert (!cord_topology_can_undo (fx.topology));

  /* A valid one runs `mac-address`; Windows' form is taken too. */
  type_and_apply ("mac-address", "00-D0-BA-5E-00-01");
  ck_assert (!gtk_widget_has_css_class (mac, "error"));
  ck_assert (cord_ip_get_interface (sim, fx.device, "FastEthernet0/0", &info));
  ck_assert_uint_eq (info.mac, G_GUINT64_CONSTANT (0x00d0ba5e0001));
  cord_ip_if_info_clear (&info);
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (mac)), "00d0.ba5e.0001");
  text = pane_text ();
  ck_assert_str_eq (text, "Router(config)#interface FastEthernet0/0\n"
                          "Router(config-if)#mac-address 00d0.ba5e.0001\n"
                          "Router(config-if)#\n");
  ck_assert_str_eq (cord_topology_get_undo_label (fx.topology), "FastEthernet0/0: MAC Address");
  ck_assert_ptr_nonnull (strstr (fx.device->running_config, " mac-address 00d0.ba5e.0001\n"));

  /* A second change undoes to the first, which undoes to `no mac-address`. */
  type_and_apply ("mac-address", "0001.4200.ABCD");
  ck_assert (cord_ip_get_interface (sim, fx.device, "FastEthernet0/0", &info));
  ck_assert_uint_eq (info.mac, G_GUINT64_CONSTANT (0x00014200abcd));
  cord_ip_if_info_clear (&info);
  ck_assert (cord_topology_undo (fx.topology, NULL));
  cord_test_iterate ();
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (mac)), "00d0.ba5e.0001");
  ck_assert (cord_topology_undo (fx.topology, NULL));
  cord_test_iterate ();
  ck_assert (cord_ip_get_interface (sim, fx.device, "FastEthernet0/0", &info));
  ck_assert_uint_eq (info.mac, burned_in);
  cord_ip_if_info_clear (&info);
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (mac)), bia);
  ck_assert_ptr_null (strstr (fx.device->running_config, "mac-address"));
  g_free (text);
  text = pane_text ();
  ck_assert_msg (g_str_has_suffix (text, "Router(config-if)#no mac-address\nRouter(config-if)#\n"), "%s", text);

  /* Empty means the burned-in address. */
  type_and_apply ("mac-address", "0001.4200.abcd");
  type_and_apply ("mac-address", "");
  ck_assert (cord_ip_get_interface (sim, fx.device, "FastEthernet0/0", &info));
  ck_assert_uint_eq (info.mac, burned_in);
  cord_ip_if_info_clear (&info);
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (mac)), bia);
  close_page ();

  /* A PC's NIC keeps the read-only label. */
  open_page ("PC-PT", "PC0");
  ck_assert (cord_config_page_select (CORD_CONFIG_PAGE (fx.page), "if:FastEthernet0"));
  cord_test_iterate ();
  ck_assert (GTK_IS_LABEL (find ("mac-address")));
  close_page ();
}
END_TEST

START_TEST (test_interface_list)
{
  guint listed = 0, ports = 0;

  open_page ("1841", "R1");
  cord_test_screenshot (GTK_WIDGET (fx.window), "config-page-settings");
  for (guint i = 0; i < fx.device->ports->len; i++)
    {
      CordPort *port = fx.device->ports->pdata[i];
      g_autofree char *key = g_strdup_printf ("if:%s", port->name);

      if (port->medium == CORD_MEDIUM_CONSOLE || port->medium == CORD_MEDIUM_ASYNC)
        continue;
      ports++;
      ck_assert_msg (find_in (fx.page, key) != NULL, "no row for %s", port->name);
    }
  for (GtkWidget *row = gtk_widget_get_first_child (find_in (fx.page, "settings") != NULL
                                                    ? gtk_widget_get_parent (find ("settings"))
                                                    : NULL);
       row != NULL; row = gtk_widget_get_next_sibling (row))
    listed += g_str_has_prefix (gtk_widget_get_name (row), "if:");
  ck_assert_uint_eq (listed, ports);
  ck_assert_uint_gt (ports, 1);
  ck_assert_ptr_nonnull (find_in (fx.page, "static"));
  ck_assert_ptr_null (find_in (fx.page, "vlans"));
  close_page ();
}
END_TEST

START_TEST (test_switch_vlans)
{
  g_autofree char *text = NULL;

  open_page ("2960-24TT", "S1");
  ck_assert (cord_config_page_select (CORD_CONFIG_PAGE (fx.page), "vlans"));
  cord_test_iterate ();
  gtk_editable_set_text (GTK_EDITABLE (find ("vlan-number")), "10");
  gtk_editable_set_text (GTK_EDITABLE (find ("vlan-name")), "Sales");
  g_signal_emit_by_name (find ("vlan-add"), "clicked");
  cord_test_iterate ();
  text = pane_text ();
  ck_assert_str_eq (text, "Switch(config)#vlan 10\nSwitch(config-vlan)#name Sales\nSwitch(config-vlan)#\n");
  ck_assert (cord_switch_vlan_exists (cord_document_get_sim (fx.document), fx.device, 10));
  ck_assert_str_eq (cord_topology_get_undo_label (fx.topology), "Add VLAN");
  cord_test_screenshot (GTK_WIDGET (fx.window), "config-page-vlans");

  /* The port's access VLAN offers the new VLAN. */
  ck_assert (cord_config_page_select (CORD_CONFIG_PAGE (fx.page), "if:FastEthernet0/1"));
  cord_test_iterate ();
  ck_assert_uint_eq (g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (find ("vlan")))), 2);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find ("vlan")), 1);
  cord_test_iterate ();
  g_free (text);
  text = pane_text ();
  ck_assert_msg (g_str_has_suffix (text, "Switch(config-if)#switchport access vlan 10\nSwitch(config-if)#\n"),
                 "%s", text);
  cord_test_screenshot (GTK_WIDGET (fx.window), "config-page-switchport");
  ck_assert (cord_topology_undo (fx.topology, NULL));
  ck_assert (cord_topology_undo (fx.topology, NULL));
  ck_assert (!cord_switch_vlan_exists (cord_document_get_sim (fx.document), fx.device, 10));
  close_page ();
}
END_TEST

START_TEST (test_host)
{
  guint32 expected;

  open_page ("PC-PT", "PC0");
  ck_assert_ptr_null (find_in (fx.page, "hostname"));
  ck_assert (cord_config_page_select (CORD_CONFIG_PAGE (fx.page), "if:FastEthernet0"));
  cord_test_iterate ();
  type_and_apply ("ip-address", "10.0.0.5");
  ck_assert (cord_frame_ipv4_parse ("10.0.0.5", &expected));
  ck_assert_uint_eq (fx.device->host.address, expected);
  ck_assert (cord_frame_ipv4_parse ("255.0.0.0", &expected));
  ck_assert_uint_eq (fx.device->host.mask, expected);
  ck_assert (cord_topology_undo (fx.topology, NULL));
  cord_test_iterate ();
  ck_assert_uint_eq (fx.device->host.address, 0);
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (find ("ip-address"))), "");
  close_page ();
}
END_TEST

static Suite *
config_page_suite (void)
{
  Suite *suite = suite_create ("config-page");
  TCase *forms = tcase_create ("forms");

  tcase_set_timeout (forms, 60);
  tcase_add_test (forms, test_hostname);
  tcase_add_test (forms, test_interface_address);
  tcase_add_test (forms, test_interface_mac);
  tcase_add_test (forms, test_interface_list);
  tcase_add_test (forms, test_switch_vlans);
  tcase_add_test (forms, test_host);
  suite_add_tcase (suite, forms);
  return suite;
}

int
main (void)
{
  if (!cord_test_gtk_init ("config-page"))
    return 77;
  return cord_test_gtk_run (config_page_suite ());
}
