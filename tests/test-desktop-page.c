/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for a PC's Desktop: the IP Configuration form, the Command Prompt and the Terminal app, in-process on virtual time. */
#include "config.h"

#include <string.h>
#include <gtk/gtk.h>

#include "console-util.h"
#include "cord-desktop-page.h"
#include "cord-document.h"
#include "cord-ip-config.h"
#include "cord-terminal.h"
#include "dhcp.h"
#include "gtk-test-util.h"
#include "ios-console.h"
#include "test-util.h"

#define SEC CORD_ENGINE_NS_PER_SEC

typedef struct {
  CordDocument    *document;
  CordTopology    *topology;
  CordDevice      *pc0;
  CordDevice      *pc1;
  CordDevice      *r1;
  GtkWindow       *window;
  CordDesktopPage *page;
} Fixture;

static Fixture fx;

static guint32
ip4 (const char *text)
{
  guint32 addr = 0;

  ck_assert_msg (cord_frame_ipv4_parse (text, &addr), "bad address %s", text);
  return addr;
}

static void
setup (void)
{
  g_autoptr(GError) error = NULL;
  CordHostIp pc1 = { FALSE, 0, 0, 0, 0 };

  fx.document = cord_document_new ();
  fx.topology = cord_document_get_topology (fx.document);
  fx.pc0 = cord_topology_add_device (fx.topology, "PC-PT", "PC0", 0, 0, &error);
  fx.pc1 = cord_topology_add_device (fx.topology, "PC-PT", "PC1", 100, 0, &error);
  fx.r1 = cord_topology_add_device (fx.topology, "1841", "R1", 200, 0, &error);
  ck_assert_ptr_null (error);
  ck_assert_ptr_nonnull (cord_topology_connect (fx.topology, cord_device_find_port (fx.pc0, "FastEthernet0"),
                                                cord_device_find_port (fx.pc1, "FastEthernet0"),
                                                CORD_CABLE_AUTO, &error));
  pc1.address = ip4 ("10.0.0.2");
  pc1.mask = ip4 ("255.255.255.0");
  ck_assert (cord_topology_set_host_ip (fx.topology, fx.pc1, &pc1, &error));
  fx.page = CORD_DESKTOP_PAGE (cord_desktop_page_new (fx.document, fx.pc0));
  fx.window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fx.window, 760, 520);
  gtk_window_set_child (fx.window, GTK_WIDGET (fx.page));
  gtk_window_present (fx.window);
  cord_test_iterate ();
}

static void
teardown (void)
{
  g_clear_pointer (&fx.window, gtk_window_destroy);
  cord_test_iterate ();
  g_clear_object (&fx.document);
  memset (&fx, 0, sizeof fx);
}

static CordConsole *
console_of (CordDevice *device)
{
  CordConsole *console = cord_consoles_lookup (cord_document_get_consoles (fx.document), device);

  ck_assert_ptr_nonnull (console);
  return console;
}

/* Types @text in @field and presses Enter. */
static void
enter (CordIpConfig *form,
       const char   *field,
       const char   *text)
{
  GtkEntry *entry = cord_ip_config_get_entry (form, field);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
  cord_test_iterate ();
}

static const char *
entry_text (CordIpConfig *form,
            const char   *field)
{
  return gtk_editable_get_text (GTK_EDITABLE (cord_ip_config_get_entry (form, field)));
}

static void
assert_bad (CordIpConfig *form,
            const char   *field,
            const char   *text,
            const char   *words)
{
  const CordHostIp before = fx.pc0->host;
  const char *problem;

  enter (form, field, text);
  problem = cord_ip_config_get_error (form, field);
  ck_assert_msg (problem != NULL, "%s accepted in %s", text, field);
  ck_assert_msg (strstr (problem, words) != NULL, "%s: %s", text, problem);
  ck_assert (gtk_widget_has_css_class (GTK_WIDGET (cord_ip_config_get_entry (form, field)), "error"));
  ck_assert (memcmp (&before, &fx.pc0->host, sizeof before) == 0);
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

START_TEST (test_ip_config_and_ping)
{
  CordIpConfig *form;
  CordConsole *console;
  const char *scrollback;
  gsize len = 0;
  g_autoptr(GError) error = NULL;

  ck_assert_str_eq (cord_desktop_page_get_app (fx.page), "tiles");
  cord_test_screenshot (GTK_WIDGET (fx.window), "desktop-page-tiles");
  cord_desktop_page_open_ip_config (fx.page);
  ck_assert_str_eq (cord_desktop_page_get_app (fx.page), "ip-config");
  form = CORD_IP_CONFIG (cord_desktop_page_get_ip_config (fx.page));
  ck_assert_ptr_nonnull (form);

  /* The address alone: the class mask comes with it, in one edit. */
  enter (form, "address", "10.0.0.1");
  ck_assert_str_eq (entry_text (form, "mask"), "255.0.0.0");
  ck_assert_uint_eq (fx.pc0->host.address, ip4 ("10.0.0.1"));
  ck_assert_uint_eq (fx.pc0->host.mask, ip4 ("255.0.0.0"));
  ck_assert (!fx.pc0->host.dhcp);
  ck_assert_str_eq (cord_topology_get_undo_label (fx.topology), "Change IP Configuration");
  enter (form, "mask", "255.255.255.0");
  ck_assert_uint_eq (fx.pc0->host.mask, ip4 ("255.255.255.0"));
  /* Undo from elsewhere: the form follows. */
  ck_assert (cord_topology_undo (fx.topology, &error));
  ck_assert_str_eq (entry_text (form, "mask"), "255.0.0.0");
  enter (form, "mask", "255.255.255.0");
  enter (form, "gateway", "10.0.0.254");
  ck_assert_uint_eq (fx.pc0->host.gateway, ip4 ("10.0.0.254"));

  /* Wrong values are marked, said and not applied. */
  assert_bad (form, "address", "10.0.0.300", "four numbers");
  assert_bad (form, "address", "10.0.0", "four numbers");
  assert_bad (form, "address", "10.0.0.0", "network address");
  assert_bad (form, "address", "10.0.0.255", "broadcast address");
  assert_bad (form, "address", "127.0.0.1", "loopback");
  assert_bad (form, "address", "224.0.0.5", "multicast");
  cord_test_screenshot (GTK_WIDGET (fx.window), "desktop-page-ip-config-error");
  enter (form, "address", "10.0.0.1");
  ck_assert_ptr_null (cord_ip_config_get_error (form, "address"));
  ck_assert (!gtk_widget_has_css_class (GTK_WIDGET (cord_ip_config_get_entry (form, "address")), "error"));
  assert_bad (form, "mask", "255.0.255.0", "without gaps");
  enter (form, "mask", "255.255.255.0");
  assert_bad (form, "dns", "300.1.1.1", "four numbers");
  enter (form, "dns", "");
  ck_assert_uint_eq (fx.pc0->host.address, ip4 ("10.0.0.1"));
  ck_assert_uint_eq (fx.pc0->host.mask, ip4 ("255.255.255.0"));
  cord_test_screenshot (GTK_WIDGET (fx.window), "desktop-page-ip-config");

  /* The Command Prompt pings PC1 with these settings. */
  cord_desktop_page_open_prompt (fx.page);
  ck_assert (CORD_IS_TERMINAL (cord_desktop_page_get_terminal (fx.page)));
  console = console_of (fx.pc0);
  cord_test_console_run_idle (console);
  cord_console_feed (console, "ping 10.0.0.2\r", strlen ("ping 10.0.0.2\r"));
  cord_test_console_run_idle (console);
  scrollback = cord_console_get_scrollback (console, &len);
  ck_assert_msg (count (scrollback, "Reply from 10.0.0.2: bytes=32") == 4, "%s", scrollback);
  ck_assert_msg (strstr (scrollback, "Received = 4, Lost = 0") != NULL, "%s", scrollback);
  cord_test_screenshot (GTK_WIDGET (fx.window), "desktop-page-command-prompt");

  /* ipconfig there: the form follows. */
  cord_console_feed (console, "ipconfig 10.0.0.7 255.255.0.0\r", strlen ("ipconfig 10.0.0.7 255.255.0.0\r"));
  cord_test_console_run_idle (console);
  ck_assert_str_eq (entry_text (form, "address"), "10.0.0.7");
  ck_assert_str_eq (entry_text (form, "mask"), "255.255.0.0");

  /* DHCP with no server: the request fails and APIPA is used. */
  cord_desktop_page_open_ip_config (fx.page);
  cord_ip_config_set_dhcp (form, TRUE);
  ck_assert (fx.pc0->host.dhcp);
  ck_assert (cord_dhcp_is_running (cord_document_get_sim (fx.document), fx.pc0));
  ck_assert_str_eq (cord_ip_config_get_status (form), "Requesting IP Address…");
  ck_assert (!gtk_widget_get_sensitive (GTK_WIDGET (cord_ip_config_get_entry (form, "address"))));
  cord_engine_run_for (cord_document_get_engine (fx.document), 15 * SEC);
  cord_test_iterate ();
  ck_assert_str_eq (cord_ip_config_get_status (form), "DHCP failed. APIPA is being used.");
  ck_assert (g_str_has_prefix (entry_text (form, "address"), "169.254."));
  ck_assert_str_eq (entry_text (form, "mask"), "255.255.0.0");
  cord_test_screenshot (GTK_WIDGET (fx.window), "desktop-page-ip-config-dhcp");
  /* Back to static keeps the values, as Packet Tracer does. */
  cord_ip_config_set_dhcp (form, FALSE);
  ck_assert (!fx.pc0->host.dhcp);
  ck_assert_uint_eq (fx.pc0->host.mask, ip4 ("255.255.0.0"));
}
END_TEST

static GtkDropDown *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0 && GTK_IS_DROP_DOWN (widget))
    return GTK_DROP_DOWN (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkDropDown *found = find_named (c, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

START_TEST (test_terminal)
{
  g_autoptr(GError) error = NULL;
  CordConsole *router = console_of (fx.r1);
  CordTerminal *terminal;
  CordLink *link;
  GtkWindow *dialog;
  g_autofree char *screen = NULL;
  g_autofree char *garbled = NULL;

  cord_test_console_run_idle (router);
  /* A new router asks about the setup dialog first. */
  cord_console_feed (router, "no\r", 3);
  cord_test_console_run_idle (router);
  /* No cable: the message says how to make one. */
  cord_desktop_page_open_terminal (fx.page);
  ck_assert_ptr_null (cord_desktop_page_get_dialog (fx.page));
  ck_assert_str_eq (cord_desktop_page_get_app (fx.page), "no-console");
  cord_test_screenshot (GTK_WIDGET (fx.window), "desktop-page-terminal-no-console");

  /* Plugged in while the message shows: the console comes up. */
  link = cord_topology_connect (fx.topology, cord_device_find_port (fx.pc0, "RS 232"),
                                cord_device_find_port (fx.r1, "Console"), CORD_CABLE_CONSOLE, &error);
  ck_assert_msg (link != NULL, "%s", error != NULL ? error->message : "");
  ck_assert_str_eq (cord_desktop_page_get_app (fx.page), "terminal");

  /* From the tile: the settings first, 9600 8N1 by default. */
  cord_desktop_page_show_tiles (fx.page);
  cord_desktop_page_open_terminal (fx.page);
  dialog = cord_desktop_page_get_dialog (fx.page);
  ck_assert_ptr_nonnull (dialog);
  ck_assert_uint_eq (gtk_drop_down_get_selected (find_named (GTK_WIDGET (dialog), "bits-per-second")), 4);
  ck_assert_uint_eq (gtk_drop_down_get_selected (find_named (GTK_WIDGET (dialog), "data-bits")), 3);
  cord_test_screenshot (GTK_WIDGET (dialog), "desktop-page-terminal-dialog");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (dialog), "terminal.ok", NULL));
  ck_assert_ptr_null (cord_desktop_page_get_dialog (fx.page));
  ck_assert_str_eq (cord_desktop_page_get_app (fx.page), "terminal");
  terminal = CORD_TERMINAL (cord_desktop_page_get_terminal (fx.page));
  ck_assert_ptr_eq (cord_terminal_get_console (terminal), router);
  ck_assert (!cord_terminal_get_garbled (terminal));
  gtk_widget_grab_focus (GTK_WIDGET (terminal));
  g_signal_emit_by_name (terminal, "commit", "\r", 1u);
  cord_test_console_run_idle (router);
  screen = cord_test_terminal_wait_text (VTE_TERMINAL (terminal), "Router>");
  ck_assert_msg (strstr (screen, "Router>") != NULL, "%s", screen);
  cord_test_screenshot (GTK_WIDGET (fx.window), "desktop-page-terminal");

  /* The wrong speed: garbage both ways. */
  cord_desktop_page_show_tiles (fx.page);
  cord_desktop_page_open_terminal (fx.page);
  dialog = cord_desktop_page_get_dialog (fx.page);
  gtk_drop_down_set_selected (find_named (GTK_WIDGET (dialog), "bits-per-second"), 0);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (dialog), "terminal.ok", NULL));
  terminal = CORD_TERMINAL (cord_desktop_page_get_terminal (fx.page));
  ck_assert (cord_terminal_get_garbled (terminal));
  g_signal_emit_by_name (terminal, "commit", "\r", 1u);
  cord_test_console_run_idle (router);
  garbled = cord_test_terminal_wait_text (VTE_TERMINAL (terminal), "Router>");
  ck_assert_msg (strstr (garbled, "Router>") == NULL, "%s", garbled);
  ck_assert_msg (strlen (garbled) > 20, "%s", garbled);
  cord_test_screenshot (GTK_WIDGET (fx.window), "desktop-page-terminal-garbled");

  /* Unplugged: the message again. */
  ck_assert (cord_topology_disconnect (fx.topology, link, &error));
  ck_assert_str_eq (cord_desktop_page_get_app (fx.page), "no-console");
  ck_assert_ptr_null (cord_terminal_get_console (terminal));
  /* Cancel leaves the tiles as they are. */
  ck_assert_ptr_nonnull (cord_topology_connect (fx.topology, cord_device_find_port (fx.pc0, "RS 232"),
                                                cord_device_find_port (fx.r1, "Console"), CORD_CABLE_CONSOLE,
                                                &error));
  cord_desktop_page_show_tiles (fx.page);
  cord_desktop_page_open_terminal (fx.page);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (cord_desktop_page_get_dialog (fx.page)), "terminal.cancel",
                                         NULL));
  ck_assert_ptr_null (cord_desktop_page_get_dialog (fx.page));
  ck_assert_str_eq (cord_desktop_page_get_app (fx.page), "tiles");
}
END_TEST

static Suite *
desktop_suite (void)
{
  Suite *suite = suite_create ("desktop-page");
  TCase *tc = tcase_create ("desktop");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_ip_config_and_ping);
  tcase_add_test (tc, test_terminal);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  if (!cord_test_gtk_init ("desktop-page"))
    return 77;
  return cord_test_gtk_run (desktop_suite ());
}
