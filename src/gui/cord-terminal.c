/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CordTerminal: a VTE terminal bound to a device console, with no pty: it shows what the console prints and sends it the keys typed. */
#include "config.h"

#include <glib/gi18n.h>

#include "cord-terminal.h"

/* How often a paste offers its next line to the console. */
#define PASTE_INTERVAL_MS 20
#define FONT_SCALE_MIN    0.5
#define FONT_SCALE_MAX    4.0
#define FONT_SCALE_STEP   1.1

struct _CordTerminal
{
  VteTerminal  parent_instance;

  CordConsole *console;
  guint        listener_id;
  GQueue       pending;          /* char*, lines of a paste with their CR */
  guint        paste_source;
  gboolean     garbled;          /* a line speed that does not match the device's */
  guint        garble_state;
};

G_DEFINE_FINAL_TYPE (CordTerminal, cord_terminal, VTE_TYPE_TERMINAL)

static void
clear_pending (CordTerminal *self)
{
  g_queue_clear_full (&self->pending, g_free);
  g_clear_handle_id (&self->paste_source, g_source_remove);
}

/* A serial line whose ends disagree on speed or framing reads bits at the
 * wrong moments: what arrives is other characters, often with the high
 * bit set. This stands in for it, the same way on every run. */
static const char *const garbage[] = {
  "\xc3\xbf", "\xc3\xbe", "x", "\xc3\xb0", "~", "\xe2\x82\xac", "f", "\xc3\xa6",
  "\xc2\xa7", "\xc3\xb8", "`", "\xc3\xa0", "\xc2\xbf", "p", "\xc3\xbc", "\xc2\xa4",
};

static char *
garble_output (CordTerminal *self,
               const char   *data,
               gsize         len)
{
  GString *out = g_string_sized_new (len * 2);

  for (gsize i = 0; i < len; i++)
    {
      guint8 c = (guint8) data[i];

      /* Line ends are kept so the garbage still comes in lines. */
      if (c == '\r' || c == '\n')
        {
          g_string_append_c (out, (char) c);
          continue;
        }
      self->garble_state = (self->garble_state * 33u + c) & 0xffffu;
      g_string_append (out, garbage[(c ^ self->garble_state) % G_N_ELEMENTS (garbage)]);
    }
  return g_string_free (out, FALSE);
}

/* Keys sent at the wrong speed reach the device as other bytes, printable
 * ones here so the device answers with something visible. */
static char *
garble_input (const char *data,
              gsize       len)
{
  char *out = g_malloc (len + 1);

  for (gsize i = 0; i < len; i++)
    out[i] = (char) (0x21 + ((guint8) data[i] * 37u + 11u) % 94u);
  out[len] = '\0';
  return out;
}

static void
feed_screen (CordTerminal *self,
             const char   *data,
             gsize         len)
{
  if (self->garbled)
    {
      g_autofree char *text = garble_output (self, data, len);

      vte_terminal_feed (VTE_TERMINAL (self), text, -1);
    }
  else
    vte_terminal_feed (VTE_TERMINAL (self), data, (gssize) len);
}

static void
feed_console (CordTerminal *self,
              const char   *data,
              gsize         len)
{
  if (self->garbled)
    {
      g_autofree char *text = garble_input (data, len);

      cord_console_feed (self->console, text, len);
    }
  else
    cord_console_feed (self->console, data, len);
}

void
cord_terminal_set_garbled (CordTerminal *self,
                           gboolean      garbled)
{
  g_return_if_fail (CORD_IS_TERMINAL (self));

  self->garbled = !!garbled;
  self->garble_state = 0;
}

gboolean
cord_terminal_get_garbled (CordTerminal *self)
{
  g_return_val_if_fail (CORD_IS_TERMINAL (self), FALSE);

  return self->garbled;
}

/* Console to screen. */

static void
on_console_output (CordConsole *console,
                   const char  *data,
                   gsize        len,
                   gpointer     user_data)
{
  feed_screen (CORD_TERMINAL (user_data), data, len);
}

static void
on_listener_gone (gpointer user_data)
{
  CordTerminal *self = user_data;

  /* Removed by us, or the console went away with its device. */
  self->listener_id = 0;
  self->console = NULL;
  clear_pending (self);
}

void
cord_terminal_bind (CordTerminal *self,
                    CordConsole  *console)
{
  const char *scrollback;
  gsize len = 0;

  g_return_if_fail (CORD_IS_TERMINAL (self));

  if (console == self->console)
    return;
  if (self->console != NULL)
    {
      guint id = self->listener_id;
      CordConsole *old = self->console;

      cord_console_remove_listener (old, id);
    }
  clear_pending (self);
  vte_terminal_reset (VTE_TERMINAL (self), TRUE, TRUE);
  if (console == NULL)
    return;
  self->console = console;
  scrollback = cord_console_get_scrollback (console, &len);
  if (scrollback != NULL && len > 0)
    feed_screen (self, scrollback, len);
  self->listener_id = cord_console_add_listener (console, on_console_output, self,
                                                 on_listener_gone);
}

CordConsole *
cord_terminal_get_console (CordTerminal *self)
{
  g_return_val_if_fail (CORD_IS_TERMINAL (self), NULL);

  return self->console;
}

/* Keys to console. */

static void
on_commit (VteTerminal *terminal,
           const char  *text,
           guint        size,
           gpointer     user_data)
{
  CordTerminal *self = CORD_TERMINAL (terminal);

  /* Without a pty VTE commits Return as CR and BackSpace as BS, which
   * the console takes as a real console line would. */
  if (self->console != NULL && size > 0)
    feed_console (self, text, size);
}

static gboolean
paste_next (gpointer data)
{
  CordTerminal *self = data;
  g_autofree char *line = NULL;

  if (self->console == NULL)
    {
      self->paste_source = 0;
      clear_pending (self);
      return G_SOURCE_REMOVE;
    }
  /* A booting device or a running ping takes no command: the line waits
   * rather than filling the type-ahead buffer. */
  if (cord_console_is_busy (self->console))
    return G_SOURCE_CONTINUE;
  line = g_queue_pop_head (&self->pending);
  if (line != NULL)
    feed_console (self, line, strlen (line));
  if (!g_queue_is_empty (&self->pending))
    return G_SOURCE_CONTINUE;
  self->paste_source = 0;
  return G_SOURCE_REMOVE;
}

void
cord_terminal_paste_text (CordTerminal *self,
                          const char   *text)
{
  g_auto(GStrv) lines = NULL;
  guint n;

  g_return_if_fail (CORD_IS_TERMINAL (self));
  g_return_if_fail (text != NULL);

  if (self->console == NULL)
    return;
  lines = g_strsplit (text, "\n", -1);
  n = g_strv_length (lines);
  for (guint i = 0; i < n; i++)
    {
      char *line = lines[i];
      gsize len = strlen (line);

      if (len > 0 && line[len - 1] == '\r')
        line[--len] = '\0';
      /* The text after the last newline is typed but not entered. */
      if (i + 1 == n)
        {
          if (len > 0)
            g_queue_push_tail (&self->pending, g_strdup (line));
        }
      else
        g_queue_push_tail (&self->pending, g_strconcat (line, "\r", NULL));
    }
  if (!g_queue_is_empty (&self->pending) && self->paste_source == 0)
    {
      self->paste_source = g_timeout_add (PASTE_INTERVAL_MS, paste_next, self);
      /* The first line goes at once when the console is free. */
      if (!paste_next (self))
        g_clear_handle_id (&self->paste_source, g_source_remove);
    }
}

guint
cord_terminal_get_n_pending (CordTerminal *self)
{
  g_return_val_if_fail (CORD_IS_TERMINAL (self), 0);

  return g_queue_get_length (&self->pending);
}

/* Clipboard. */

void
cord_terminal_copy (CordTerminal *self)
{
  g_return_if_fail (CORD_IS_TERMINAL (self));

  if (vte_terminal_get_has_selection (VTE_TERMINAL (self)))
    vte_terminal_copy_clipboard_format (VTE_TERMINAL (self), VTE_FORMAT_TEXT);
}

static void
on_clipboard_text (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(CordTerminal) self = user_data;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);

  if (text != NULL && gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    cord_terminal_paste_text (self, text);
}

void
cord_terminal_paste (CordTerminal *self)
{
  GdkClipboard *clipboard;

  g_return_if_fail (CORD_IS_TERMINAL (self));

  clipboard = gtk_widget_get_clipboard (GTK_WIDGET (self));
  gdk_clipboard_read_text_async (clipboard, NULL, on_clipboard_text, g_object_ref (self));
}

/* Actions. */

static void
zoom (CordTerminal *self,
      double        factor)
{
  double scale = vte_terminal_get_font_scale (VTE_TERMINAL (self));

  scale = factor == 0 ? 1.0 : CLAMP (scale * factor, FONT_SCALE_MIN, FONT_SCALE_MAX);
  vte_terminal_set_font_scale (VTE_TERMINAL (self), scale);
}

static void
action_zoom_in (GtkWidget *widget, const char *name, GVariant *param)
{
  zoom (CORD_TERMINAL (widget), FONT_SCALE_STEP);
}

static void
action_zoom_out (GtkWidget *widget, const char *name, GVariant *param)
{
  zoom (CORD_TERMINAL (widget), 1 / FONT_SCALE_STEP);
}

static void
action_zoom_reset (GtkWidget *widget, const char *name, GVariant *param)
{
  zoom (CORD_TERMINAL (widget), 0);
}

static void
action_copy (GtkWidget *widget, const char *name, GVariant *param)
{
  cord_terminal_copy (CORD_TERMINAL (widget));
}

static void
action_paste (GtkWidget *widget, const char *name, GVariant *param)
{
  cord_terminal_paste (CORD_TERMINAL (widget));
}

static void
add_shortcut (GtkShortcutController *controller,
              const char            *trigger,
              const char            *action)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (trigger),
                                                          gtk_named_action_new (action)));
}

/* GObject. */

static void
cord_terminal_dispose (GObject *object)
{
  CordTerminal *self = CORD_TERMINAL (object);

  if (self->console != NULL)
    cord_console_remove_listener (self->console, self->listener_id);
  clear_pending (self);

  G_OBJECT_CLASS (cord_terminal_parent_class)->dispose (object);
}

static void
cord_terminal_class_init (CordTerminalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cord_terminal_dispose;

  gtk_widget_class_install_action (widget_class, "terminal.zoom-in", NULL, action_zoom_in);
  gtk_widget_class_install_action (widget_class, "terminal.zoom-out", NULL, action_zoom_out);
  gtk_widget_class_install_action (widget_class, "terminal.zoom-reset", NULL, action_zoom_reset);
  gtk_widget_class_install_action (widget_class, "terminal.copy", NULL, action_copy);
  gtk_widget_class_install_action (widget_class, "terminal.paste", NULL, action_paste);
}

static void
cord_terminal_init (CordTerminal *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  GtkShortcutController *sc = GTK_SHORTCUT_CONTROLLER (shortcuts);

  g_queue_init (&self->pending);
  /* VTE takes every key it sees: the shortcuts go first. */
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  add_shortcut (sc, "<Control>plus", "terminal.zoom-in");
  add_shortcut (sc, "<Control>equal", "terminal.zoom-in");
  add_shortcut (sc, "<Control>KP_Add", "terminal.zoom-in");
  add_shortcut (sc, "<Control>minus", "terminal.zoom-out");
  add_shortcut (sc, "<Control>KP_Subtract", "terminal.zoom-out");
  add_shortcut (sc, "<Control>0", "terminal.zoom-reset");
  add_shortcut (sc, "<Control>KP_0", "terminal.zoom-reset");
  add_shortcut (sc, "<Control><Shift>c", "terminal.copy");
  add_shortcut (sc, "<Control><Shift>v", "terminal.paste");
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  vte_terminal_set_scrollback_lines (VTE_TERMINAL (self), 10000);
  vte_terminal_set_size (VTE_TERMINAL (self), 80, 24);
  vte_terminal_set_cursor_blink_mode (VTE_TERMINAL (self), VTE_CURSOR_BLINK_OFF);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "commit", G_CALLBACK (on_commit), NULL);
}

GtkWidget *
cord_terminal_new (void)
{
  return g_object_new (CORD_TYPE_TERMINAL, NULL);
}

static GtkWidget *
tool_button (const char *icon,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  g_assert (icon != NULL);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_button_set_has_frame (GTK_BUTTON (button), FALSE);
  return button;
}

GtkWidget *
cord_terminal_page_new (GtkWidget     *start,
                        CordTerminal **terminal)
{
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *widget = cord_terminal_new ();
  GtkWidget *copy = tool_button ("edit-copy-symbolic", _("Copy (Ctrl+Shift+C)"));
  GtkWidget *paste = tool_button ("edit-paste-symbolic", _("Paste (Ctrl+Shift+V)"));
  GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  g_return_val_if_fail (start == NULL || GTK_IS_WIDGET (start), NULL);
  g_return_val_if_fail (terminal != NULL, NULL);

  gtk_widget_add_css_class (bar, "toolbar");
  if (start != NULL)
    gtk_box_append (GTK_BOX (bar), start);
  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_box_append (GTK_BOX (bar), spacer);
  gtk_box_append (GTK_BOX (bar), copy);
  gtk_box_append (GTK_BOX (bar), paste);
  g_signal_connect_swapped (copy, "clicked", G_CALLBACK (cord_terminal_copy), widget);
  g_signal_connect_swapped (paste, "clicked", G_CALLBACK (cord_terminal_paste), widget);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), widget);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (page), bar);
  gtk_box_append (GTK_BOX (page), scroller);
  *terminal = CORD_TERMINAL (widget);
  return page;
}
