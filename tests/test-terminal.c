/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for the terminal bound to a device console and for the device window, in-process on a small lab run in virtual time. */
#include "config.h"

#include <string.h>
#include <gtk/gtk.h>

#include "console-util.h"
#include "cord-device-window.h"
#include "cord-document.h"
#include "cord-terminal.h"
#include "gtk-test-util.h"
#include "ios-console.h"
#include "test-util.h"

typedef struct {
  CordTopology *topology;
  CordEngine   *engine;
  CordSim      *sim;
  CordConsoles *consoles;
  CordDevice   *r1;
  CordDevice   *pc0;
  CordTerminal *terminal;
  GtkWindow    *window;           /* shows the terminal, so VTE draws it */
} Lab;

static Lab lab;

/* A new terminal in a window of its own. */
static void
new_terminal (void)
{
  g_clear_pointer (&lab.window, gtk_window_destroy);
  g_clear_object (&lab.terminal);
  lab.terminal = g_object_ref_sink (CORD_TERMINAL (cord_terminal_new ()));
  lab.window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (lab.window, GTK_WIDGET (lab.terminal));
  gtk_window_present (lab.window);
}

static void
lab_setup (void)
{
  g_autoptr(GError) error = NULL;

  lab.topology = cord_topology_new (cord_catalog_get_default ());
  lab.engine = cord_engine_new ();
  lab.sim = cord_sim_new (lab.topology, lab.engine);
  lab.consoles = cord_consoles_new (lab.sim);
  /* Added after the consoles, so they boot and print as they do. */
  lab.r1 = cord_topology_add_device (lab.topology, "1841", "R1", 100, 100, &error);
  ck_assert_ptr_null (error);
  lab.pc0 = cord_topology_add_device (lab.topology, "PC-PT", "PC0", 300, 100, &error);
  ck_assert_ptr_null (error);
  new_terminal ();
}

static void
lab_teardown (void)
{
  g_clear_pointer (&lab.window, gtk_window_destroy);
  g_clear_object (&lab.terminal);
  g_clear_pointer (&lab.consoles, cord_consoles_free);
  g_clear_pointer (&lab.sim, cord_sim_free);
  g_clear_object (&lab.topology);
  g_clear_pointer (&lab.engine, cord_engine_free);
}

static CordConsole *
console_of (CordDevice *device)
{
  CordConsole *console = cord_consoles_lookup (lab.consoles, device);

  ck_assert_ptr_nonnull (console);
  return console;
}

/* Types @text as VTE sends it: through the terminal's commit signal. */
static void
type (const char *text)
{
  g_signal_emit_by_name (lab.terminal, "commit", text, (guint) strlen (text));
}

static char *
scrollback (CordConsole *console)
{
  gsize len = 0;
  const char *data = cord_console_get_scrollback (console, &len);

  return g_strndup (data, len);
}

static const char *
running_config (CordDevice *device)
{
  cord_consoles_sync_to_topology (lab.consoles);
  return device->running_config;
}

START_TEST (test_bind_shows_scrollback)
{
  CordConsole *console = console_of (lab.r1);
  g_autofree char *screen = NULL;
  g_autofree char *before = NULL;

  cord_test_console_run_idle (console);
  before = scrollback (console);
  ck_assert_msg (strstr (before, "Cisco IOS Software") != NULL, "boot text: %s", before);
  cord_terminal_bind (lab.terminal, console);
  ck_assert_ptr_eq (cord_terminal_get_console (lab.terminal), console);
  screen = cord_test_terminal_wait_text (VTE_TERMINAL (lab.terminal), "[yes/no]:");
  ck_assert_msg (strstr (screen, "Cisco IOS Software") != NULL &&
                 strstr (screen, "initial configuration dialog? [yes/no]:") != NULL,
                 "screen: %s", screen);
}
END_TEST

START_TEST (test_keys_reach_console)
{
  CordConsole *console = console_of (lab.r1);
  g_autofree char *screen = NULL;
  g_autofree char *text = NULL;

  cord_terminal_bind (lab.terminal, console);
  cord_test_console_run_idle (console);
  /* Return as VTE commits it without a pty, and a typo fixed with the
   * BackSpace it commits. */
  type ("no\r");
  cord_test_console_run_idle (console);
  type ("\r");
  cord_test_console_run_idle (console);
  type ("enablx\010e\r");
  cord_test_console_run_idle (console);
  type ("configure terminal\r");
  cord_test_console_run_idle (console);
  type ("hostname R9\r");
  cord_test_console_run_idle (console);
  type ("end\r");
  cord_test_console_run_idle (console);
  ck_assert_msg (strstr (running_config (lab.r1), "hostname R9\n") != NULL,
                 "running-config: %s", lab.r1->running_config);
  text = scrollback (console);
  ck_assert_msg (strstr (text, "R9#") != NULL, "scrollback: %s", text);
  /* What the console printed reached the screen. */
  screen = cord_test_terminal_wait_text (VTE_TERMINAL (lab.terminal), "R9#");
  ck_assert_msg (strstr (screen, "R9#") != NULL, "screen: %s", screen);
}
END_TEST

static gboolean
paste_done (gpointer data)
{
  CordConsole *console = data;

  cord_engine_run_for (lab.engine, 100 * CORD_ENGINE_NS_PER_SEC / 1000);
  return cord_terminal_get_n_pending (lab.terminal) == 0 && !cord_console_is_busy (console);
}

START_TEST (test_paste_lines)
{
  CordConsole *console = console_of (lab.r1);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  cord_terminal_bind (lab.terminal, console);
  /* Pasted while the device boots: the lines wait for it. */
  cord_terminal_paste_text (lab.terminal, "no\r\n\r\nenable\r\nconfigure terminal\nhostname Pasted\n"
                                          "interface FastEthernet0/0\n description uplink\nend\n");
  ck_assert_uint_gt (cord_terminal_get_n_pending (lab.terminal), 0);
  while (!paste_done (console) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  ck_assert_uint_eq (cord_terminal_get_n_pending (lab.terminal), 0);
  ck_assert_msg (strstr (running_config (lab.r1), "hostname Pasted\n") != NULL,
                 "running-config: %s", lab.r1->running_config);
  ck_assert_msg (strstr (lab.r1->running_config, " description uplink\n") != NULL,
                 "running-config: %s", lab.r1->running_config);
}
END_TEST

START_TEST (test_rebind_keeps_session)
{
  CordConsole *console = console_of (lab.r1);
  g_autofree char *screen = NULL;

  cord_terminal_bind (lab.terminal, console);
  cord_test_console_run_idle (console);
  type ("no\r");
  cord_test_console_run_idle (console);
  type ("\renable\r");
  cord_test_console_run_idle (console);
  /* A terminal closed and another opened: the session and what it
   * printed are still there. */
  new_terminal ();
  cord_terminal_bind (lab.terminal, console);
  screen = cord_test_terminal_wait_text (VTE_TERMINAL (lab.terminal), "Router#");
  ck_assert_msg (strstr (screen, "Router#") != NULL, "screen: %s", screen);
  type ("disable\r");
  cord_test_console_run_idle (console);
  g_clear_pointer (&screen, g_free);
  screen = cord_test_terminal_wait_text (VTE_TERMINAL (lab.terminal), "Router#disable");
  ck_assert_msg (g_str_has_suffix (g_strchomp (screen), "Router>"), "screen: %s", screen);
}
END_TEST

START_TEST (test_font_zoom)
{
  VteTerminal *vte = VTE_TERMINAL (lab.terminal);
  double start = vte_terminal_get_font_scale (vte);

  /* Ctrl+plus and Ctrl+minus are these actions. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (lab.terminal), "terminal.zoom-in", NULL));
  ck_assert (vte_terminal_get_font_scale (vte) > start * 1.05);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (lab.terminal), "terminal.zoom-out", NULL));
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (lab.terminal), "terminal.zoom-out", NULL));
  ck_assert (vte_terminal_get_font_scale (vte) < start * 0.95);
  /* Never unreadably small. */
  for (guint i = 0; i < 50; i++)
    gtk_widget_activate_action (GTK_WIDGET (lab.terminal), "terminal.zoom-out", NULL);
  ck_assert (vte_terminal_get_font_scale (vte) >= 0.5);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (lab.terminal), "terminal.zoom-reset", NULL));
  ck_assert (vte_terminal_get_font_scale (vte) == 1.0);
}
END_TEST

START_TEST (test_device_removed)
{
  g_autoptr(GError) error = NULL;

  cord_terminal_bind (lab.terminal, console_of (lab.r1));
  ck_assert (cord_topology_remove_device (lab.topology, lab.r1, &error));
  ck_assert_ptr_null (error);
  /* The console went with its device, and the terminal let go. */
  ck_assert_ptr_null (cord_terminal_get_console (lab.terminal));
  type ("enable\r");
  cord_terminal_paste_text (lab.terminal, "enable\n");
  ck_assert_uint_eq (cord_terminal_get_n_pending (lab.terminal), 0);
}
END_TEST

START_TEST (test_pc_prompt)
{
  CordConsole *console = console_of (lab.pc0);
  g_autofree char *screen = NULL;

  ck_assert_int_eq (cord_console_get_kind (console), CORD_CONSOLE_PC);
  cord_terminal_bind (lab.terminal, console);
  cord_test_console_run_idle (console);
  type ("ipconfig\r");
  cord_test_console_run_idle (console);
  screen = cord_test_terminal_wait_text (VTE_TERMINAL (lab.terminal), "IP");
  ck_assert_msg (strstr (screen, "ipconfig") != NULL && strstr (screen, "IP") != NULL,
                 "screen: %s", screen);
}
END_TEST

/* The device window on a document's lab. */

static GtkStack *
window_stack (CordDeviceWindow *window)
{
  GtkWidget *child = gtk_window_get_child (GTK_WINDOW (window));

  ck_assert (GTK_IS_STACK (child));
  return GTK_STACK (child);
}

START_TEST (test_device_window_tabs)
{
  g_autoptr(CordDocument) document = cord_document_new ();
  CordTopology *topology = cord_document_get_topology (document);
  CordConsoles *consoles = cord_document_get_consoles (document);
  g_autoptr(GError) error = NULL;
  CordDevice *router = cord_topology_add_device (topology, "1841", "R1", 0, 0, &error);
  CordDevice *pc = cord_topology_add_device (topology, "PC-PT", "PC0", 100, 0, &error);
  CordDevice *hub = cord_topology_add_device (topology, "Hub-PT", "Hub0", 200, 0, &error);
  CordDeviceWindow *window;
  GtkStack *stack;
  GtkWidget *terminal;

  ck_assert_ptr_null (error);

  /* A router: Physical, Config and CLI, on its IOS console. */
  window = cord_device_window_new (document, router);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  stack = window_stack (window);
  ck_assert_str_eq (gtk_window_get_title (GTK_WINDOW (window)), "R1");
  ck_assert_ptr_nonnull (gtk_stack_get_child_by_name (stack, "physical"));
  ck_assert_ptr_nonnull (gtk_stack_get_child_by_name (stack, "config"));
  ck_assert_ptr_nonnull (gtk_stack_get_child_by_name (stack, "cli"));
  ck_assert_ptr_null (gtk_stack_get_child_by_name (stack, "desktop"));
  ck_assert_str_eq (gtk_stack_get_visible_child_name (stack), "cli");
  terminal = cord_device_window_get_terminal (window);
  ck_assert (CORD_IS_TERMINAL (terminal));
  ck_assert_ptr_eq (cord_terminal_get_console (CORD_TERMINAL (terminal)),
                    cord_consoles_lookup (consoles, router));
  /* It follows a rename, and goes with its device. */
  ck_assert (cord_topology_rename_device (topology, router, "Core", &error));
  ck_assert_str_eq (gtk_window_get_title (GTK_WINDOW (window)), "Core");
  ck_assert (cord_topology_remove_device (topology, router, &error));
  ck_assert_ptr_null (error);
  ck_assert_ptr_null (window);

  /* A PC: Physical, Config and Desktop, whose Command Prompt opens on
   * the PC's console. */
  window = cord_device_window_new (document, pc);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  stack = window_stack (window);
  ck_assert_ptr_nonnull (gtk_stack_get_child_by_name (stack, "desktop"));
  ck_assert_ptr_null (gtk_stack_get_child_by_name (stack, "cli"));
  ck_assert_str_eq (gtk_stack_get_visible_child_name (stack), "desktop");
  ck_assert_ptr_null (cord_device_window_get_terminal (window));
  cord_device_window_open_prompt (window);
  terminal = cord_device_window_get_terminal (window);
  ck_assert (CORD_IS_TERMINAL (terminal));
  ck_assert_ptr_eq (cord_terminal_get_console (CORD_TERMINAL (terminal)),
                    cord_consoles_lookup (consoles, pc));
  gtk_window_destroy (GTK_WINDOW (window));
  ck_assert_ptr_null (window);

  /* A hub: Physical only. */
  window = cord_device_window_new (document, hub);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  stack = window_stack (window);
  ck_assert_ptr_nonnull (gtk_stack_get_child_by_name (stack, "physical"));
  ck_assert_ptr_null (gtk_stack_get_child_by_name (stack, "config"));
  ck_assert_ptr_null (cord_device_window_get_terminal (window));
  gtk_window_destroy (GTK_WINDOW (window));
  ck_assert_ptr_null (window);
}
END_TEST

static Suite *
terminal_suite (void)
{
  Suite *suite = suite_create ("terminal");
  TCase *tc;

  tc = tcase_create ("terminal");
  tcase_add_checked_fixture (tc, lab_setup, lab_teardown);
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_bind_shows_scrollback);
  tcase_add_test (tc, test_keys_reach_console);
  tcase_add_test (tc, test_paste_lines);
  tcase_add_test (tc, test_rebind_keeps_session);
  tcase_add_test (tc, test_font_zoom);
  tcase_add_test (tc, test_device_removed);
  tcase_add_test (tc, test_pc_prompt);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("device-window");
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_device_window_tabs);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  if (!cord_test_gtk_init ("terminal"))
    return 77;
  return cord_test_gtk_run (terminal_suite ());
}
