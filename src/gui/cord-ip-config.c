/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CordIpConfig: the Desktop's IP Configuration app, a form for an end device's IPv4 settings (static or DHCP). */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cord-ip-config.h"
#include "cord-test-geometry.h"
#include "dhcp.h"
#include "ip.h"

typedef enum {
  FIELD_ADDRESS,
  FIELD_MASK,
  FIELD_GATEWAY,
  FIELD_DNS,
  N_FIELDS,
} Field;

static const char *const field_ids[N_FIELDS] = { "address", "mask", "gateway", "dns" };

struct _CordIpConfig
{
  GtkBox        parent_instance;

  CordDocument *document;
  CordTopology *topology;
  CordSim      *sim;
  CordDevice   *device;
  gulong        changed_handler;
  gboolean      syncing;        /* filling the form from the device */
  gboolean      waiting;        /* a DHCP request of ours runs */

  GtkWidget    *dhcp_button;
  GtkWidget    *static_button;
  GtkLabel     *status;
  GtkEntry     *entries[N_FIELDS];
  GtkLabel     *errors[N_FIELDS];
  char         *error_text[N_FIELDS];
};

G_DEFINE_FINAL_TYPE (CordIpConfig, cord_ip_config, GTK_TYPE_BOX)

/* ---- Checking what is typed ------------------------------------------------ */

/* Parses @text: TRUE with @value (0 for an empty field), or FALSE with
 * what is wrong. */
static gboolean
parse_field (const char  *text,
             guint32     *value,
             char       **problem)
{
  *value = 0;
  if (text[0] == '\0')
    return TRUE;
  if (!cord_frame_ipv4_parse (text, value))
    {
      *problem = g_strdup (_("Not an IPv4 address: write four numbers from 0 to 255 "
                             "separated by dots, like 192.168.1.10."));
      return FALSE;
    }
  return TRUE;
}

/* What keeps @address from being a host's address (without its mask). */
static char *
host_problem (guint32 address)
{
  guint first = address >> 24;

  if (first == 0)
    return g_strdup (_("Addresses 0.x.x.x mean \"this network\" and cannot be given to a host."));
  if (first == 127)
    return g_strdup (_("Addresses 127.x.x.x are for loopback inside a host; pick another address."));
  if (first >= 224)
    return g_strdup (_("Addresses from 224.0.0.0 up are multicast or reserved; pick a "
                       "unicast address below 224.0.0.0."));
  return NULL;
}

static char *
mask_problem (guint32 mask)
{
  if (mask == 0)
    return g_strdup (_("A mask of 0.0.0.0 leaves no network; use one like 255.255.255.0."));
  if (!cord_ip_mask_is_contiguous (mask))
    return g_strdup (_("Not a subnet mask: its one bits must come first without gaps, "
                       "like 255.255.255.0 or 255.255.240.0."));
  if (cord_ip_mask_length (mask) > 30)
    return g_strdup_printf (_("A /%u mask leaves no room for other hosts; use /30 or shorter."),
                            cord_ip_mask_length (mask));
  return NULL;
}

/* Re-checks every field: each gets its message (or none) and the error
 * style. The network and broadcast address of a subnet are the address
 * field's problem. */
static void
validate (CordIpConfig *self)
{
  guint32 values[N_FIELDS] = { 0 };
  gboolean parsed[N_FIELDS];

  for (guint f = 0; f < N_FIELDS; f++)
    {
      g_clear_pointer (&self->error_text[f], g_free);
      parsed[f] = parse_field (gtk_editable_get_text (GTK_EDITABLE (self->entries[f])), &values[f],
                               &self->error_text[f]);
    }
  if (parsed[FIELD_ADDRESS] && values[FIELD_ADDRESS] != 0)
    self->error_text[FIELD_ADDRESS] = host_problem (values[FIELD_ADDRESS]);
  if (parsed[FIELD_MASK] && gtk_editable_get_text (GTK_EDITABLE (self->entries[FIELD_MASK]))[0] != '\0')
    self->error_text[FIELD_MASK] = mask_problem (values[FIELD_MASK]);
  if (self->error_text[FIELD_ADDRESS] == NULL && self->error_text[FIELD_MASK] == NULL &&
      values[FIELD_ADDRESS] != 0 && values[FIELD_MASK] != 0)
    {
      guint32 host = values[FIELD_ADDRESS] & ~values[FIELD_MASK];
      char net[CORD_FRAME_IPV4_STRLEN];

      cord_frame_ipv4_to_string (values[FIELD_ADDRESS] & values[FIELD_MASK], net);
      if (host == 0)
        self->error_text[FIELD_ADDRESS] =
          g_strdup_printf (_("This is the network address of %s/%u; pick an address inside the subnet."),
                           net, cord_ip_mask_length (values[FIELD_MASK]));
      else if (host == ~values[FIELD_MASK])
        self->error_text[FIELD_ADDRESS] =
          g_strdup_printf (_("This is the broadcast address of %s/%u; pick an address inside the subnet."),
                           net, cord_ip_mask_length (values[FIELD_MASK]));
    }
  if (parsed[FIELD_GATEWAY] && values[FIELD_GATEWAY] != 0)
    self->error_text[FIELD_GATEWAY] = host_problem (values[FIELD_GATEWAY]);
  if (parsed[FIELD_DNS] && values[FIELD_DNS] != 0)
    self->error_text[FIELD_DNS] = host_problem (values[FIELD_DNS]);

  for (guint f = 0; f < N_FIELDS; f++)
    {
      gboolean bad = self->error_text[f] != NULL;

      if (bad)
        gtk_widget_add_css_class (GTK_WIDGET (self->entries[f]), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->entries[f]), "error");
      gtk_label_set_text (self->errors[f], bad ? self->error_text[f] : "");
      gtk_widget_set_visible (GTK_WIDGET (self->errors[f]), bad);
    }
}

/* ---- Applying -------------------------------------------------------------- */

static guint32
field_value (CordIpConfig *self,
             Field         f)
{
  guint32 value = 0;

  (void) cord_frame_ipv4_parse (gtk_editable_get_text (GTK_EDITABLE (self->entries[f])), &value);
  return value;
}

static void
set_status (CordIpConfig *self,
            const char   *text)
{
  gtk_label_set_text (self->status, text);
  gtk_widget_set_visible (GTK_WIDGET (self->status), text[0] != '\0');
}

static void
set_host (CordIpConfig     *self,
          const CordHostIp *host)
{
  g_autoptr(GError) error = NULL;

  if (memcmp (host, &self->device->host, sizeof *host) == 0)
    return;
  if (!cord_topology_set_host_ip (self->topology, self->device, host, &error))
    set_status (self, error->message);
}

/* A field was left or Enter was pressed in it: its value is applied when
 * it is usable, with the mask filled in from the address's class first. */
static void
commit (CordIpConfig *self,
        Field         f)
{
  CordHostIp host;

  if (self->device == NULL || self->syncing || self->device->host.dhcp)
    return;
  if (f == FIELD_ADDRESS && self->error_text[FIELD_ADDRESS] == NULL && field_value (self, FIELD_ADDRESS) != 0 &&
      gtk_editable_get_text (GTK_EDITABLE (self->entries[FIELD_MASK]))[0] == '\0')
    {
      char buf[CORD_FRAME_IPV4_STRLEN];

      gtk_editable_set_text (GTK_EDITABLE (self->entries[FIELD_MASK]),
                             cord_frame_ipv4_to_string (cord_ip_classful_mask (field_value (self, FIELD_ADDRESS)), buf));
    }
  validate (self);
  host = self->device->host;
  switch (f)
    {
    case FIELD_ADDRESS:
    case FIELD_MASK:
      /* The two go together: a half-typed pair waits for the other half. */
      if (self->error_text[FIELD_ADDRESS] != NULL || self->error_text[FIELD_MASK] != NULL)
        return;
      host.address = field_value (self, FIELD_ADDRESS);
      host.mask = field_value (self, FIELD_MASK);
      if ((host.address == 0) != (host.mask == 0))
        return;
      break;
    case FIELD_GATEWAY:
    case FIELD_DNS:
      if (self->error_text[f] != NULL)
        return;
      if (f == FIELD_GATEWAY)
        host.gateway = field_value (self, f);
      else
        host.dns = field_value (self, f);
      break;
    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }
  set_status (self, "");
  set_host (self, &host);
}

static Field
entry_field (CordIpConfig *self,
             GtkWidget    *entry)
{
  for (guint f = 0; f < N_FIELDS; f++)
    if (GTK_WIDGET (self->entries[f]) == entry)
      return (Field) f;
  g_assert_not_reached ();
  return N_FIELDS;
}

static void
on_activate (GtkEntry     *entry,
             CordIpConfig *self)
{
  commit (self, entry_field (self, GTK_WIDGET (entry)));
}

static void
on_focus_leave (GtkEventControllerFocus *controller,
                CordIpConfig            *self)
{
  commit (self, entry_field (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller))));
}

static void
on_text_changed (CordIpConfig *self)
{
  if (!self->syncing)
    validate (self);
}

/* ---- DHCP ------------------------------------------------------------------ */

static void
on_dhcp_done (CordSim        *sim,
              CordDevice     *device,
              CordDhcpResult  result,
              gpointer        user_data)
{
  CordIpConfig *self = user_data;

  self->waiting = FALSE;
  switch (result)
    {
    case CORD_DHCP_BOUND:
      set_status (self, _("DHCP request successful."));
      break;
    case CORD_DHCP_TIMEOUT:
    case CORD_DHCP_REFUSED:
      set_status (self, _("DHCP failed. APIPA is being used."));
      break;
    case CORD_DHCP_CANCELLED:
    default:
      set_status (self, "");
      break;
    }
}

void
cord_ip_config_set_dhcp (CordIpConfig *self,
                         gboolean      dhcp)
{
  CordHostIp host;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CORD_IS_IP_CONFIG (self));

  if (self->device == NULL)
    return;
  host = self->device->host;
  if (!dhcp)
    {
      /* Packet Tracer keeps what DHCP gave as the static settings. */
      host.dhcp = FALSE;
      set_status (self, "");
      set_host (self, &host);
      return;
    }
  if (!host.dhcp)
    {
      CordHostIp ask = { TRUE, 0, 0, 0, 0 };

      set_host (self, &ask);
      if (!self->device->host.dhcp)
        return;
    }
  if (!cord_dhcp_start (self->sim, self->device, on_dhcp_done, self, &error))
    {
      set_status (self, error->message);
      return;
    }
  self->waiting = TRUE;
  set_status (self, _("Requesting IP Address…"));
}

static void
on_mode_toggled (GtkCheckButton *button,
                 CordIpConfig   *self)
{
  if (self->syncing || !gtk_check_button_get_active (button))
    return;
  cord_ip_config_set_dhcp (self, GTK_WIDGET (button) == self->dhcp_button);
}

/* ---- Following the device ------------------------------------------------- */

static void
fill (CordIpConfig *self)
{
  const CordHostIp *host = &self->device->host;
  guint32 values[N_FIELDS] = { host->address, host->mask, host->gateway, host->dns };

  self->syncing = TRUE;
  for (guint f = 0; f < N_FIELDS; f++)
    {
      char buf[CORD_FRAME_IPV4_STRLEN];

      gtk_editable_set_text (GTK_EDITABLE (self->entries[f]),
                             values[f] != 0 ? cord_frame_ipv4_to_string (values[f], buf) : "");
      /* DHCP's values are shown, not edited. */
      gtk_editable_set_editable (GTK_EDITABLE (self->entries[f]), !host->dhcp);
      gtk_widget_set_sensitive (GTK_WIDGET (self->entries[f]), !host->dhcp);
    }
  gtk_check_button_set_active (GTK_CHECK_BUTTON (host->dhcp ? self->dhcp_button : self->static_button), TRUE);
  validate (self);
  self->syncing = FALSE;
}

static void
on_device_changed (CordTopology *topology,
                   CordDevice   *device,
                   guint         what,
                   CordIpConfig *self)
{
  if (device == self->device && (what & CORD_DEVICE_CHANGED_HOST) != 0)
    fill (self);
}

void
cord_ip_config_forget (CordIpConfig *self)
{
  g_return_if_fail (CORD_IS_IP_CONFIG (self));

  if (self->waiting && self->device != NULL)
    cord_dhcp_forget (self->sim, self->device, self);
  self->waiting = FALSE;
  if (self->topology != NULL)
    g_clear_signal_handler (&self->changed_handler, self->topology);
  self->device = NULL;
}

GtkEntry *
cord_ip_config_get_entry (CordIpConfig *self,
                          const char   *field)
{
  g_return_val_if_fail (CORD_IS_IP_CONFIG (self), NULL);

  for (guint f = 0; f < N_FIELDS; f++)
    if (g_strcmp0 (field, field_ids[f]) == 0)
      return self->entries[f];
  g_return_val_if_reached (NULL);
}

const char *
cord_ip_config_get_error (CordIpConfig *self,
                          const char   *field)
{
  g_return_val_if_fail (CORD_IS_IP_CONFIG (self), NULL);

  for (guint f = 0; f < N_FIELDS; f++)
    if (g_strcmp0 (field, field_ids[f]) == 0)
      return self->error_text[f];
  g_return_val_if_reached (NULL);
}

const char *
cord_ip_config_get_status (CordIpConfig *self)
{
  g_return_val_if_fail (CORD_IS_IP_CONFIG (self), NULL);

  return gtk_label_get_text (self->status);
}

/* ---- Building -------------------------------------------------------------- */

static GtkWidget *
section_title (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  return label;
}

/* The NIC the settings belong to: the first port with a MAC. */
static const char *
nic_name (CordDevice *device)
{
  for (guint i = 0; i < device->ports->len; i++)
    {
      CordPort *port = device->ports->pdata[i];

      if (port->mac != 0)
        return port->name;
    }
  return NULL;
}

static void
build (CordIpConfig *self)
{
  static const char *const labels[N_FIELDS] = {
    /* The PC's Command Prompt prints these words in English; the form's
     * labels have a context of their own, so they can be translated. */
    NC_("form field", "IPv4 Address"), NC_("form field", "Subnet Mask"),
    NC_("form field", "Default Gateway"), NC_("form field", "DNS Server"),
  };
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *modes = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  GtkWidget *iface_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *iface_label = gtk_label_new (C_("form field", "Interface"));
  const char *nic = nic_name (self->device);
  const char *nics[] = { nic != NULL ? nic : _("(no network card)"), NULL };
  GtkWidget *iface = gtk_drop_down_new_from_strings (nics);
  int row = 0;

  gtk_widget_set_margin_start (GTK_WIDGET (self), 24);
  gtk_widget_set_margin_end (GTK_WIDGET (self), 24);
  gtk_widget_set_margin_top (GTK_WIDGET (self), 18);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 18);
  gtk_box_set_spacing (GTK_BOX (self), 12);
  gtk_widget_set_size_request (GTK_WIDGET (self), 460, -1);
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_CENTER);

  gtk_box_append (GTK_BOX (iface_row), iface_label);
  gtk_widget_set_sensitive (iface, nic != NULL);
  gtk_box_append (GTK_BOX (iface_row), iface);
  gtk_box_append (GTK_BOX (self), iface_row);

  gtk_box_append (GTK_BOX (self), section_title (_("IP Configuration")));
  self->dhcp_button = gtk_check_button_new_with_mnemonic (_("_DHCP"));
  self->static_button = gtk_check_button_new_with_mnemonic (_("_Static"));
  gtk_check_button_set_group (GTK_CHECK_BUTTON (self->static_button), GTK_CHECK_BUTTON (self->dhcp_button));
  cord_geometry_tag (self->dhcp_button, "ip:dhcp");
  cord_geometry_tag (self->static_button, "ip:static");
  g_signal_connect (self->dhcp_button, "toggled", G_CALLBACK (on_mode_toggled), self);
  g_signal_connect (self->static_button, "toggled", G_CALLBACK (on_mode_toggled), self);
  gtk_box_append (GTK_BOX (modes), self->dhcp_button);
  gtk_box_append (GTK_BOX (modes), self->static_button);
  gtk_box_append (GTK_BOX (self), modes);
  self->status = GTK_LABEL (gtk_label_new (""));
  gtk_label_set_xalign (self->status, 0);
  gtk_label_set_wrap (self->status, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->status), FALSE);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->status));

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  for (guint f = 0; f < N_FIELDS; f++)
    {
      GtkWidget *label = gtk_label_new (g_dpgettext2 (NULL, "form field", labels[f]));
      GtkWidget *entry = gtk_entry_new ();
      GtkWidget *error = gtk_label_new ("");
      GtkEventController *focus = gtk_event_controller_focus_new ();

      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
      gtk_entry_set_max_length (GTK_ENTRY (entry), 15);
      gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
      gtk_widget_set_hexpand (entry, TRUE);
      gtk_label_set_xalign (GTK_LABEL (error), 0);
      gtk_label_set_wrap (GTK_LABEL (error), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (error), 40);
      gtk_widget_add_css_class (error, "error");
      gtk_widget_set_visible (error, FALSE);
      g_signal_connect (entry, "activate", G_CALLBACK (on_activate), self);
      g_signal_connect_swapped (entry, "changed", G_CALLBACK (on_text_changed), self);
      g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave), self);
      gtk_widget_add_controller (entry, focus);
      gtk_grid_attach (GTK_GRID (grid), label, 0, row, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), entry, 1, row++, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), error, 1, row++, 1, 1);
      self->entries[f] = GTK_ENTRY (entry);
      {
        g_autofree char *id = g_strconcat ("ip:", field_ids[f], NULL);

        cord_geometry_tag (entry, id);
      }
      self->errors[f] = GTK_LABEL (error);
    }
  gtk_box_append (GTK_BOX (self), grid);
}

/* ---- GObject --------------------------------------------------------------- */

static void
cord_ip_config_dispose (GObject *object)
{
  CordIpConfig *self = CORD_IP_CONFIG (object);

  cord_ip_config_forget (self);
  g_clear_object (&self->topology);
  g_clear_object (&self->document);
  for (guint f = 0; f < N_FIELDS; f++)
    g_clear_pointer (&self->error_text[f], g_free);

  G_OBJECT_CLASS (cord_ip_config_parent_class)->dispose (object);
}

static void
cord_ip_config_class_init (CordIpConfigClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cord_ip_config_dispose;
}

static void
cord_ip_config_init (CordIpConfig *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
}

GtkWidget *
cord_ip_config_new (CordDocument *document,
                    CordDevice   *device)
{
  CordIpConfig *self;

  g_return_val_if_fail (CORD_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (device != NULL && cord_kind_is_host (device->model->kind), NULL);

  self = g_object_new (CORD_TYPE_IP_CONFIG, NULL);
  self->document = g_object_ref (document);
  self->topology = g_object_ref (device->topology);
  self->sim = cord_document_get_sim (document);
  self->device = device;
  build (self);
  self->changed_handler = g_signal_connect (self->topology, "device-changed",
                                            G_CALLBACK (on_device_changed), self);
  fill (self);
  return GTK_WIDGET (self);
}
