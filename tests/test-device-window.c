/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests of the device window in the real patchcord, driven with xdotool: opening it, its CLI, Physical, Config and Desktop tabs, checked in the saved lab and in screenshots. */
#include "config.h"

#include <gtk/gtk.h>
#include <glib/gstdio.h>

#include "test-util.h"

#define TIMEOUT_MS 20000
#include "app-driver.h"
#include "gtk-test-util.h"

static char *
screenshot (const char *wid,
            const char *name)
{
  char *path = cord_test_screenshot_path (name);
  g_autofree char *command = g_strdup_printf ("import -window %s %s", wid, path);

  ck_assert_msg (g_find_program_in_path ("import") != NULL, "ImageMagick's import is missing");
  ck_assert (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
  ck_assert_msg (g_file_test (path, G_FILE_TEST_EXISTS), "no screenshot in %s", path);
  return path;
}

/* The text tesseract reads in a part of @png, enlarged three times so
 * that small labels read well. */
static char *
ocr (const char *png,
     int         x,
     int         y,
     int         width,
     int         height)
{
  g_autofree char *crop = g_strdup_printf ("%s-crop.png", png);
  g_autofree char *convert = g_strdup_printf ("convert %s -crop %dx%d+%d+%d +repage -resize 300%% %s",
                                              png, width, height, MAX (x, 0), MAX (y, 0), crop);
  g_autofree char *tesseract = g_strdup_printf ("tesseract %s stdout --psm 6", crop);
  char *out = NULL;
  int status = 0;

  ck_assert_msg (g_find_program_in_path ("tesseract") != NULL,
                 "tesseract is missing: install the tesseract-ocr package (./run deps does)");
  ck_assert (g_spawn_command_line_sync (convert, NULL, NULL, &status, NULL) && status == 0);
  ck_assert (g_spawn_command_line_sync (tesseract, &out, NULL, &status, NULL) && status == 0);
  g_unlink (crop);
  return out;
}

static void
move_window (const char *wid,
             int         x,
             int         y)
{
  g_autofree char *args = g_strdup_printf ("windowmove --sync %s %d %d", wid, x, y);

  g_free (xdotool (args));
}

static gboolean
window_gone (gpointer data)
{
  g_autofree char *args = g_strdup_printf ("getwindowname %s", (const char *) data);
  g_autofree char *out = xdotool (args);

  return *out == '\0';
}

static void
double_click (const char *wid,
              Item        item)
{
  focus (wid);
  pointer ("mousemove --window %s %.0f %.0f", wid, item.x, item.y);
  pointer ("click --repeat 2 --delay 80 1");
}

/* --- CLI ---------------------------------------------------------------- */

static const char router_lab[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<patchcord-lab version=\"1\">\n"
  "  <device name=\"Router0\" model=\"1841\" x=\"300\" y=\"250\" power=\"on\">\n"
  "    <running-config>hostname Router\n!\nend\n</running-config>\n"
  "  </device>\n"
  "</patchcord-lab>\n";

/* A double-click opens the router's window on the CLI tab; a hostname
 * typed there is the router's prompt and its name on the canvas. */
START_TEST (test_cli_hostname)
{
  g_autofree char *wid = NULL;
  g_autofree char *device_wid = NULL;
  g_autofree char *renamed_wid = NULL;
  g_autofree char *again = NULL;
  g_autofree char *others = NULL;
  g_autofree char *cli_png = NULL;
  g_autofree char *canvas_png = NULL;
  g_autofree char *cli_text = NULL;
  g_autofree char *label_text = NULL;
  g_autofree char *saved = NULL;
  Item router, r1;
  int wx, wy;

  ck_assert (g_file_set_contents (app.lab, router_lab, -1, NULL));
  app_start (app.lab, FALSE);
  wid = wait_window ("^lab\\.pclab$");
  router = wait_item ("DEVICE", "Router0");

  /* A double-click opens the device's own window, titled with its name. */
  double_click (wid, router);
  device_wid = wait_window ("^Router0$");
  /* A router has Physical, Config and CLI tabs. */
  wait_item ("WIDGET", "Router0/tab:physical");
  wait_item ("WIDGET", "Router0/tab:config");
  wait_item ("WIDGET", "Router0/tab:cli");

  /* The CLI tab has the keyboard. */
  focus (device_wid);
  g_usleep (300 * 1000);
  key ("Return");
  type_line ("enable");
  type_line ("configure terminal");
  type_line ("hostname R1");
  type_line ("end");
  type_line ("show running-config");

  /* The canvas and the window's title follow the hostname. */
  renamed_wid = wait_window ("^R1$");
  ck_assert_str_eq (renamed_wid, device_wid);
  r1 = wait_item ("DEVICE", "R1");
  g_usleep (500 * 1000);

  /* The terminal shows the first page of the generated running-config:
   * VTE 0.70 has no accessible text, so the screenshot is read. */
  cli_png = screenshot (device_wid, "cli-hostname");
  cli_text = ocr (cli_png, 0, 0, 2000, 2000);
  ck_assert_msg (strstr (cli_text, "hostname R1") != NULL && strstr (cli_text, "More") != NULL,
                 "the CLI (%s) shows:\n%s", cli_png, cli_text);
  focus (device_wid);
  key ("q");

  /* The label under the router's icon reads R1. Without a window
   * manager nothing raises the canvas: the device window moves aside. */
  move_window (device_wid, 700, 420);
  focus (wid);
  /* A click on empty canvas clears the selection, whose highlight would
   * colour the label; then the pointer goes out of the way. */
  pointer ("mousemove --window %s 100 100 click 1", wid);
  pointer ("mousemove 1279 799");
  g_usleep (500 * 1000);
  canvas_png = screenshot ("root", "canvas-hostname");
  window_position (wid, &wx, &wy);
  label_text = ocr (canvas_png, wx + r1.box[0] - 30, wy + r1.box[1],
                    (int) (r1.box[2] - r1.box[0]) + 60, (int) (r1.box[3] - r1.box[1]) + 50);
  ck_assert_msg (strstr (label_text, "R1") != NULL && strstr (label_text, "Router0") == NULL,
                 "the label under the router (%s) reads:\n%s", canvas_png, label_text);

  /* A second double-click brings back the same window, not another. */
  double_click (wid, r1);
  again = wait_window ("^R1$");
  ck_assert_str_eq (again, device_wid);
  others = xdotool ("search --onlyvisible --name '^R1$'");
  ck_assert_msg (strchr (others, '\n') == NULL, "more than one R1 window: %s", others);

  /* Ctrl+W closes it (from a tab without a terminal: there the key is
   * IOS's). Opened again, the CLI has the session and its scrollback. */
  click_item (device_wid, "WIDGET", "R1/tab:config");
  key ("ctrl+w");
  ck_assert_msg (wait_until (window_gone, device_wid, TIMEOUT_MS), "Ctrl+W did not close R1's window");
  double_click (wid, r1);
  g_free (device_wid);
  device_wid = wait_window ("^R1$");
  move_window (device_wid, 0, 0);
  wait_item ("WIDGET", "R1/tab:cli");
  g_usleep (500 * 1000);
  g_free (cli_png);
  g_free (cli_text);
  cli_png = screenshot (device_wid, "cli-reopened");
  cli_text = ocr (cli_png, 0, 0, 2000, 2000);
  ck_assert_msg (strstr (cli_text, "hostname R1") != NULL && strstr (cli_text, "R1#") != NULL,
                 "the reopened CLI (%s) shows:\n%s", cli_png, cli_text);

  /* The lab saves the new name and the console's running-config. */
  focus (wid);
  saved = save_lab ();
  ck_assert_msg (strstr (saved, "name=\"R1\"") != NULL && strstr (saved, "hostname R1") != NULL,
                 "saved lab:\n%s", saved);

  /* The device window closes with the lab's. */
  key ("ctrl+q");
  ck_assert_int_eq (app_wait_exit (TIMEOUT_MS), 0);
}
END_TEST

/* --- Desktop --------------------------------------------------------- */

static const char pcs_lab[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<patchcord-lab version=\"1\">\n"
  "  <device name=\"PC0\" model=\"PC-PT\" x=\"150\" y=\"300\" power=\"on\">\n"
  "    <module slot=\"0\" name=\"PT-HOST-NM-1CFE\"/>\n"
  "  </device>\n"
  "  <device name=\"S0\" model=\"2960-24TT\" x=\"350\" y=\"150\" power=\"on\"/>\n"
  "  <device name=\"PC1\" model=\"PC-PT\" x=\"550\" y=\"300\" power=\"on\">\n"
  "    <module slot=\"0\" name=\"PT-HOST-NM-1CFE\"/>\n"
  "    <ip dhcp=\"no\" address=\"10.0.0.2\" mask=\"255.0.0.0\"/>\n"
  "  </device>\n"
  "  <link cable=\"straight\">\n"
  "    <end device=\"PC0\" port=\"FastEthernet0\"/>\n"
  "    <end device=\"S0\" port=\"FastEthernet0/1\"/>\n"
  "  </link>\n"
  "  <link cable=\"straight\">\n"
  "    <end device=\"PC1\" port=\"FastEthernet0\"/>\n"
  "    <end device=\"S0\" port=\"FastEthernet0/2\"/>\n"
  "  </link>\n"
  "</patchcord-lab>\n";

static void
click_widget (const char *wid,
              const char *id)
{
  click_item (wid, "WIDGET", id);
}

typedef struct {
  const char *wid;
  const char *name;
  const char *want;
  char       *text;
} Reading;

/* OCR confuses some shapes in a terminal's font (0 and d, l and 1): both
 * sides of a comparison fold them, and runs of spaces, alike. */
static char *
ocr_fold (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      char c = strchr ("OoQDd", *p) != NULL ? '0' : strchr ("lI|!", *p) != NULL ? '1' : *p;

      if (c == ' ' && out->len > 0 && out->str[out->len - 1] == ' ')
        continue;
      g_string_append_c (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
ocr_has (const char *text,
         const char *want)
{
  g_autofree char *t = ocr_fold (text);
  g_autofree char *w = ocr_fold (want);

  return strstr (t, w) != NULL;
}

static gboolean
screen_reads (gpointer data)
{
  Reading *r = data;
  g_autofree char *png = screenshot (r->wid, r->name);

  g_free (r->text);
  r->text = ocr (png, 0, 0, 2000, 2000);
  return ocr_has (r->text, r->want);
}

/* Waits until tesseract reads @want in a screenshot of window @wid. */
static void
wait_screen_reads (const char *wid,
                   const char *name,
                   const char *want)
{
  Reading r = { wid, name, want, NULL };
  gboolean found = wait_until (screen_reads, &r, TIMEOUT_MS);
  g_autofree char *path = cord_test_screenshot_path (name);

  ck_assert_msg (found, "“%s” never showed in %s, which reads:\n%s", want, path, r.text);
  g_free (r.text);
}

/* An address typed in the PC's IP Configuration is what it pings from;
 * a bad one is marked and not applied. */
START_TEST (test_desktop_ip_config_ping)
{
  g_autofree char *wid = NULL;
  g_autofree char *pc_wid = NULL;
  g_autofree char *saved = NULL;
  Item pc0;

  ck_assert (g_file_set_contents (app.lab, pcs_lab, -1, NULL));
  app_start (app.lab, FALSE);
  wid = wait_window ("^lab\\.pclab$");
  pc0 = wait_item ("DEVICE", "PC0");
  double_click (wid, pc0);
  pc_wid = wait_window ("^PC0$");
  move_window (pc_wid, 400, 0);

  /* The Desktop shows first; IP Configuration, then the address. The
   * mask fills itself in from the address class when the field is left. */
  click_widget (pc_wid, "PC0/tile:ip-config");
  click_widget (pc_wid, "PC0/ip:address");
  type_text ("10.0.0.1");
  key ("Tab");
  /* A gateway that is not an address is marked, and not applied. */
  click_widget (pc_wid, "PC0/ip:gateway");
  type_text ("10.0.0.300");
  key ("Tab");
  wait_screen_reads (pc_wid, "desktop-ip-config", "Not an IPv4 address");

  focus (wid);
  saved = save_lab ();
  ck_assert_msg (strstr (saved, "<ip dhcp=\"no\" address=\"10.0.0.1\" mask=\"255.0.0.0\"/>") != NULL,
                 "saved lab:\n%s", saved);

  /* Back to the Desktop, then the Command Prompt. */
  click_widget (pc_wid, "PC0/back");
  click_widget (pc_wid, "PC0/tile:prompt");
  focus (pc_wid);
  g_usleep (300 * 1000);
  type_line ("ping 10.0.0.2");
  wait_screen_reads (pc_wid, "desktop-ping", "Received = 4");
  wait_screen_reads (pc_wid, "desktop-ping", "Reply from 10.0.0.2");

  focus (wid);
  key ("ctrl+q");
  ck_assert_int_eq (app_wait_exit (TIMEOUT_MS), 0);
}
END_TEST

/* --- Physical ---------------------------------------------------------- */

static const char router_saved_lab[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<patchcord-lab version=\"1\">\n"
  "  <device name=\"R0\" model=\"1841\" x=\"300\" y=\"250\" power=\"on\">\n"
  "    <startup-config>hostname R0\n!\nend\n</startup-config>\n"
  "  </device>\n"
  "</patchcord-lab>\n";

/* Drags what is at @from to @to in window @wid, in small steps, as a hand
 * does. */
static void
drag_widget (const char *wid,
             const char *from,
             const char *to)
{
  Item a = wait_item ("WIDGET", from);
  Item b = wait_item ("WIDGET", to);

  focus (wid);
  pointer ("mousemove --window %s %.0f %.0f", wid, a.x, a.y);
  pointer ("mousedown 1");
  for (int i = 1; i <= 8; i++)
    pointer ("mousemove --window %s %.0f %.0f", wid, a.x + (b.x - a.x) * i / 8, a.y + (b.y - a.y) * i / 8);
  pointer ("mouseup 1");
}

/* A module goes in only while the router is off; once it is on again,
 * IOS has the module's interfaces. */
START_TEST (test_physical_module)
{
  g_autofree char *wid = NULL;
  g_autofree char *r0_wid = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *dialog = NULL;
  Item r0;

  ck_assert (g_file_set_contents (app.lab, router_saved_lab, -1, NULL));
  app_start (app.lab, FALSE);
  wid = wait_window ("^lab\\.pclab$");
  r0 = wait_item ("DEVICE", "R0");
  double_click (wid, r0);
  r0_wid = wait_window ("^R0$");
  move_window (r0_wid, 0, 0);
  click_widget (r0_wid, "R0/tab:physical");

  /* Powered on: a WIC-2T dragged onto slot 0/0 is refused, saying why. */
  drag_widget (r0_wid, "R0/module:WIC-2T", "R0/slot:0/0");
  wait_screen_reads (r0_wid, "physical-refused", "Power it off");

  /* Off, it goes in. */
  click_widget (r0_wid, "R0/power");
  drag_widget (r0_wid, "R0/module:WIC-2T", "R0/slot:0/0");
  focus (wid);
  saved = save_lab ();
  ck_assert_msg (strstr (saved, "<module slot=\"0/0\" name=\"WIC-2T\"") != NULL &&
                 strstr (saved, "power=\"off\"") != NULL, "saved lab:\n%s", saved);
  g_free (screenshot (r0_wid, "physical-inserted"));

  /* On again: it boots from its startup-config with the new interfaces. */
  click_widget (r0_wid, "R0/power");
  click_widget (r0_wid, "R0/tab:cli");
  wait_screen_reads (r0_wid, "physical-boot", "Press RETURN to get started");
  focus (r0_wid);
  key ("Return");
  type_line ("enable");
  type_line ("show ip interface brief");
  wait_screen_reads (r0_wid, "physical-show-ip", "Serial0/0/0");
  wait_screen_reads (r0_wid, "physical-show-ip", "Serial0/0/1");

  /* Powering on is an unsaved change: quitting asks; Discard. */
  focus (wid);
  key ("ctrl+q");
  g_free (dialog);
  dialog = wait_window ("^Unsaved Changes$");
  focus (dialog);
  key ("alt+d");
  ck_assert_int_eq (app_wait_exit (TIMEOUT_MS), 0);
}
END_TEST

static Suite *
device_window_suite (void)
{
  Suite *suite = suite_create ("device-window");
  TCase *tc;

  tc = tcase_create ("app");
  tcase_add_checked_fixture (tc, app_setup, app_teardown);
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_cli_hostname);
  tcase_add_test (tc, test_desktop_ip_config_ping);
  tcase_add_test (tc, test_physical_module);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  if (!cord_test_gtk_init ("device-window"))
    return 77;
  return cord_test_gtk_run (device_window_suite ());
}
