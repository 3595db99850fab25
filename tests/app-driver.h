/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Drives the real patchcord program for window tests: its own home, xdotool keys and clicks, the geometry file it writes, screenshots. */
#pragma once

#include <check.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <gtk/gtk.h>
#include <glib/gstdio.h>

#include "gtk-test-util.h"

#ifndef TIMEOUT_MS
#define TIMEOUT_MS 20000
#endif

/* Helpers. */

G_GNUC_UNUSED static char *
sample_lab (void)
{
  return g_build_filename (TOP_SRCDIR, "data", "labs", "vlan-router-on-a-stick.pclab", NULL);
}

G_GNUC_UNUSED static char *
read_file (const char *path)
{
  char *contents = NULL;

  ck_assert_msg (g_file_get_contents (path, &contents, NULL, NULL), "cannot read %s", path);
  return contents;
}

G_GNUC_UNUSED static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = read_file (from);

  ck_assert (g_file_set_contents (to, contents, -1, NULL));
}

G_GNUC_UNUSED static guint64
inode_of (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (guint64) st.st_ino : 0;
}

G_GNUC_UNUSED static guint
count_files (const char *dir_path,
             const char *suffix)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, suffix))
      n++;
  return n;
}

typedef gboolean (*Condition) (gpointer data);

/* Runs the main loop until @cond holds or @timeout_ms passes. */
G_GNUC_UNUSED static gboolean
wait_until (Condition cond,
            gpointer  data,
            guint     timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!cond (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (5000);
    }
  return TRUE;
}

/* The real program, driven with xdotool. */

typedef struct {
  char        *dir;        /* HOME and the XDG folders of the app */
  char        *lab;        /* a copy of the sample lab */
  char        *log;
  char        *geometry;   /* PATCHCORD_TEST_GEOMETRY: where things are */
  GSubprocess *app;
} App;

static App app G_GNUC_UNUSED;

G_GNUC_UNUSED static void
app_setup (void)
{
  g_autofree char *sample = sample_lab ();

  app.dir = g_dir_make_tmp ("patchcord-app-XXXXXX", NULL);
  ck_assert (app.dir != NULL);
  app.lab = g_build_filename (app.dir, "lab.pclab", NULL);
  app.log = g_build_filename (app.dir, "patchcord.log", NULL);
  app.geometry = g_build_filename (app.dir, "geometry.txt", NULL);
  copy_file (sample, app.lab);
}

G_GNUC_UNUSED static gboolean
app_exited (gpointer data)
{
  return g_subprocess_get_identifier (data) == NULL;
}

G_GNUC_UNUSED static void
app_kill (void)
{
  if (app.app == NULL)
    return;
  if (!app_exited (app.app))
    {
      g_subprocess_force_exit (app.app);
      g_subprocess_wait (app.app, NULL, NULL);
    }
  g_clear_object (&app.app);
}

G_GNUC_UNUSED static void
app_teardown (void)
{
  app_kill ();
  cord_test_remove_tree (app.dir);
  g_clear_pointer (&app.dir, g_free);
  g_clear_pointer (&app.lab, g_free);
  g_clear_pointer (&app.log, g_free);
  g_clear_pointer (&app.geometry, g_free);
}

/* Starts patchcord with @arg (or none), with its own home and state, so
 * no recovery copy or recent file leaks between tests. */
G_GNUC_UNUSED static void
app_spawn (const char *arg,
           const char *arg2,
           gboolean    fast_autosave)
{
  const char *program = g_getenv ("PATCHCORD_APP");
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_autoptr(GError) error = NULL;
  const char *dirs[][2] = {
    { "HOME", "" }, { "XDG_STATE_HOME", "state" }, { "XDG_DATA_HOME", "data" },
    { "XDG_CONFIG_HOME", "config" }, { "XDG_CACHE_HOME", "cache" },
  };

  ck_assert_msg (program != NULL, "PATCHCORD_APP must name the patchcord program");
  ck_assert (app.app == NULL);
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = g_build_filename (app.dir, dirs[i][1], NULL);

      g_mkdir_with_parents (path, 0700);
      g_subprocess_launcher_setenv (launcher, dirs[i][0], path, TRUE);
    }
  g_subprocess_launcher_setenv (launcher, "GTK_A11Y", "none", TRUE);
  g_subprocess_launcher_setenv (launcher, "GSK_RENDERER", "cairo", TRUE);
  /* GTK's own settings stay in memory: there is no dconf without a bus. */
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "memory", TRUE);
  /* Never hand the lab to a Patchcord running on the user's session bus. */
  g_subprocess_launcher_setenv (launcher, "DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent", TRUE);
  if (fast_autosave)
    g_subprocess_launcher_setenv (launcher, "PATCHCORD_AUTOSAVE_SECONDS", "1", TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "PATCHCORD_AUTOSAVE_SECONDS");
  g_subprocess_launcher_setenv (launcher, "PATCHCORD_TEST_GEOMETRY", app.geometry, TRUE);
  g_subprocess_launcher_set_stdout_file_path (launcher, app.log);
  app.app = g_subprocess_launcher_spawn (launcher, &error, program, arg, arg2, NULL);
  ck_assert_msg (app.app != NULL, "%s", error ? error->message : "");
}

G_GNUC_UNUSED static void
app_start (const char *arg,
           gboolean    fast_autosave)
{
  app_spawn (arg, NULL, fast_autosave);
}

G_GNUC_UNUSED static void
app_start_two (const char *arg,
               const char *arg2)
{
  app_spawn (arg, arg2, FALSE);
}

G_GNUC_UNUSED static char *
app_output (void)
{
  char *contents = NULL;

  return g_file_get_contents (app.log, &contents, NULL, NULL) ? contents : g_strdup ("");
}

G_GNUC_UNUSED static int
app_wait_exit (guint timeout_ms)
{
  g_autofree char *output = NULL;

  ck_assert_msg (wait_until (app_exited, app.app, timeout_ms), "patchcord did not exit");
  output = app_output ();
  ck_assert_msg (g_subprocess_get_if_exited (app.app), "patchcord died of signal %d:\n%s",
                 g_subprocess_get_if_signaled (app.app) ? g_subprocess_get_term_sig (app.app) : 0,
                 output);
  return g_subprocess_get_exit_status (app.app);
}

G_GNUC_UNUSED static char *
xdotool (const char *args)
{
  g_autofree char *command = g_strconcat ("xdotool ", args, NULL);
  g_auto(GStrv) argv = NULL;
  char *out = NULL;
  int status = 0;

  ck_assert (g_shell_parse_argv (command, NULL, &argv, NULL));
  ck_assert (g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                           NULL, NULL, &out, NULL, &status, NULL));
  return g_strstrip (out);
}

typedef struct {
  const char *regex;
  char       *found;
} Search;

G_GNUC_UNUSED static gboolean
window_shown (gpointer data)
{
  Search *search = data;
  g_autofree char *args = g_strdup_printf ("search --onlyvisible --name '%s'", search->regex);
  g_autofree char *out = NULL;

  if (app.app != NULL && app_exited (app.app))
    {
      out = app_output ();
      ck_abort_msg ("patchcord stopped:\n%s", out);
    }
  out = xdotool (args);
  if (*out == '\0')
    return FALSE;
  g_free (search->found);
  search->found = g_strndup (out, strcspn (out, "\n"));
  return TRUE;
}

/* Waits for a visible window whose title matches @regex; returns its id. */
G_GNUC_UNUSED static char *
wait_window (const char *regex)
{
  Search search = { regex, NULL };

  ck_assert_msg (wait_until (window_shown, &search, TIMEOUT_MS), "no window “%s”", regex);
  return search.found;
}

G_GNUC_UNUSED static void
focus (const char *wid)
{
  g_autofree char *args = g_strdup_printf ("windowfocus --sync %s", wid);

  g_free (xdotool (args));
}

G_GNUC_UNUSED static void
key (const char *keys)
{
  g_autofree char *args = g_strconcat ("key --delay 40 ", keys, NULL);

  g_free (xdotool (args));
}

/* Sends @keys until a window matching @regex shows. Only for keys that
 * may safely arrive twice: right after start-up, on a loaded machine, the
 * first keys can come before the canvas holds the keyboard focus. */
G_GNUC_UNUSED static void
key_until_window (const char *wid,
                  const char *keys,
                  const char *regex)
{
  for (guint attempt = 0; attempt < 4; attempt++)
    {
      Search search = { regex, NULL };

      focus (wid);
      key (keys);
      if (wait_until (window_shown, &search, TIMEOUT_MS / 4))
        {
          g_free (search.found);
          return;
        }
    }
  ck_abort_msg ("no window “%s” after pressing %s", regex, keys);
}

typedef struct {
  const char *path;
  guint64     inode;
} Replaced;

G_GNUC_UNUSED static gboolean
file_replaced (gpointer data)
{
  Replaced *r = data;
  guint64 now = inode_of (r->path);

  return now != 0 && now != r->inode;
}

/* Waits until an atomic save has put a new file at @path. */
G_GNUC_UNUSED static void
wait_replaced (const char *path,
               guint64     inode)
{
  Replaced r = { path, inode };

  ck_assert_msg (wait_until (file_replaced, &r, TIMEOUT_MS), "%s was not saved", path);
}

typedef struct {
  const char *path;
  const char *text;
} LogHas;

G_GNUC_UNUSED static gboolean
log_has (gpointer data)
{
  LogHas *l = data;
  g_autofree char *contents = NULL;

  return g_file_get_contents (l->path, &contents, NULL, NULL) && strstr (contents, l->text) != NULL;
}

/* The palette's model row is a fixed distance above the window's bottom
 * edge; pointer positions are relative to the window. */
G_GNUC_UNUSED static void
window_size (const char *wid,
             int        *width,
             int        *height)
{
  g_autofree char *args = g_strdup_printf ("getwindowgeometry --shell %s", wid);
  g_autofree char *out = xdotool (args);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

  *width = *height = 0;
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "WIDTH="))
        *width = atoi (lines[i] + strlen ("WIDTH="));
      if (g_str_has_prefix (lines[i], "HEIGHT="))
        *height = atoi (lines[i] + strlen ("HEIGHT="));
    }
  ck_assert (*width > 600 && *height > 400);
}

G_GNUC_UNUSED static void
pointer (const char *format,
         ...)
{
  g_autofree char *args = NULL;
  va_list ap;

  va_start (ap, format);
  args = g_strdup_vprintf (format, ap);
  va_end (ap);
  g_free (xdotool (args));
  g_usleep (100 * 1000);      /* lets GTK see each step of a gesture */
}

typedef struct {
  const char *kind;       /* DEVICE, CATEGORY, CABLE, PORT */
  const char *name;       /* the item's name, last on its line */
  double      x, y;
  double      box[4];     /* DEVICE: the icon's box */
  gboolean    sensitive;  /* PORT */
} Item;

G_GNUC_UNUSED static gboolean
geometry_has (gpointer data)
{
  Item *item = data;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (app.geometry, &text, NULL, NULL))
    return FALSE;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], " ", 8);
      guint n = g_strv_length (f);
      g_autofree char *name = NULL;

      if (n < 3 || strcmp (f[0], item->kind) != 0)
        continue;
      if (strcmp (f[0], "DEVICE") == 0 && n == 8)
        {
          name = g_strdup (f[7]);
          for (guint k = 0; k < 4; k++)
            item->box[k] = g_ascii_strtod (f[3 + k], NULL);
        }
      else if (strcmp (f[0], "CATEGORY") == 0 && n == 4)
        {
          name = g_strdup (f[1]);
          item->x = g_ascii_strtod (f[2], NULL);
          item->y = g_ascii_strtod (f[3], NULL);
          if (strcmp (name, item->name) == 0)
            return TRUE;
          continue;
        }
      else if (strcmp (f[0], "PORT") == 0 && n >= 5)
        {
          /* The name may hold spaces ("RS 232"). */
          g_autofree char *rest = g_strjoinv (" ", f + 4);

          name = g_steal_pointer (&rest);
          item->sensitive = atoi (f[3]) != 0;
        }
      else if (n >= 4)
        {
          g_autofree char *rest = g_strjoinv (" ", f + 3);

          name = g_steal_pointer (&rest);
        }
      else
        continue;
      if (strcmp (name, item->name) == 0)
        {
          item->x = g_ascii_strtod (f[1], NULL);
          item->y = g_ascii_strtod (f[2], NULL);
          return TRUE;
        }
    }
  return FALSE;
}

G_GNUC_UNUSED static Item
wait_item (const char *kind,
           const char *name)
{
  Item item = { kind, name, 0, 0, { 0 }, FALSE };

  ck_assert_msg (wait_until (geometry_has, &item, TIMEOUT_MS), "the window never showed %s %s",
                 kind, name);
  return item;
}

G_GNUC_UNUSED static void
click_item (const char *wid,
            const char *kind,
            const char *name)
{
  Item item = wait_item (kind, name);

  /* A popup lays itself out in the frame after it maps. */
  g_usleep (300 * 1000);
  item = wait_item (kind, name);
  pointer ("mousemove --window %s %.0f %.0f", wid, item.x, item.y);
  pointer ("click 1");
}

G_GNUC_UNUSED static void
choose_cable (const char *wid,
              const char *cable)
{
  click_item (wid, "CATEGORY", "4");
  click_item (wid, "CABLE", cable);
}

G_GNUC_UNUSED static char *
save_lab (void)
{
  guint64 inode = inode_of (app.lab);

  key ("ctrl+s");
  wait_replaced (app.lab, inode);
  return read_file (app.lab);
}

/* Counts pixels that are neither the canvas' white nor its light grid:
 * icon art, which is coloured or dark. */
G_GNUC_UNUSED static guint
count_ink (GdkPixbuf *pixbuf,
           int        x0,
           int        y0,
           int        x1,
           int        y1)
{
  const guint8 *pixels = gdk_pixbuf_read_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);
  guint n = 0;

  x0 = MAX (x0, 0);
  y0 = MAX (y0, 0);
  x1 = MIN (x1, gdk_pixbuf_get_width (pixbuf));
  y1 = MIN (y1, gdk_pixbuf_get_height (pixbuf));
  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        const guint8 *p = pixels + y * stride + x * channels;
        int hi = MAX (p[0], MAX (p[1], p[2]));
        int lo = MIN (p[0], MIN (p[1], p[2]));

        if (hi - lo > 40 || hi < 150)
          n++;
      }
  return n;
}

G_GNUC_UNUSED static void
window_position (const char *wid,
                 int        *x,
                 int        *y)
{
  g_autofree char *args = g_strdup_printf ("getwindowgeometry --shell %s", wid);
  g_autofree char *out = xdotool (args);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

  *x = *y = 0;
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "X="))
        *x = atoi (lines[i] + 2);
      if (g_str_has_prefix (lines[i], "Y="))
        *y = atoi (lines[i] + 2);
    }
}

/* Types @text (no quotes in it) into the focused window. */
G_GNUC_UNUSED static void
type_text (const char *text)
{
  g_autofree char *args = g_strdup_printf ("type --delay 50 '%s'", text);

  g_free (xdotool (args));
}

G_GNUC_UNUSED static void
type_line (const char *text)
{
  type_text (text);
  key ("Return");
}
